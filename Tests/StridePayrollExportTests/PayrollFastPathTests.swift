import Foundation
import Logging
import StrideContracts
import StrideKafka
import Testing

@testable import StridePayrollExport

/// The export's fast path is an accelerator: whatever it takes must come out byte for byte as the
/// full decode and ``PayrollCSV`` write it, and what it cannot be sure of it must leave to them.
@Suite("Payroll export fast path: the same lines as the full decode, or none")
struct PayrollFastPathTests {
    static let time = Date(timeIntervalSince1970: 1_790_000_000.123)
    static let date = CalendarDate(year: 2027, month: 3, day: 31)
    static let changeID = "070e3b5e-edbd-3b09-1253-ce3092529fc6"

    static func approval(
        id: String = changeID, amount: Money = try! Money("5333.06", currency: "EUR"), newBase: Money? = nil,
        previous: Money? = nil, cycle: String = "01a23ca5-7f3d-78e4-a5d8-d3e99c1e25f9", level: String? = nil
    ) -> CompensationChangeApproved {
        CompensationChangeApproved(
            changeID: id, employeeID: "emp-0000020", kind: .bonus, amount: amount, previousBaseSalary: previous,
            newBaseSalary: newBase, effectiveDate: date, cycleID: cycle, recommendationID: "01a23ca5-94d2-7bb9-b69f-735dbc92844e",
            actorID: "hr-1", newJobLevel: level)
    }

    static func reversal(amount: Money = try! Money("1200.00", currency: "EUR"), restored: Money? = nil) -> CompensationChangeReversed {
        CompensationChangeReversed(
            reversalID: "9b2f4a8e-0c1d-4e5f-8a9b-0c1d2e3f4a5b", reversedChangeID: changeID, employeeID: "emp-7", kind: .merit,
            amount: amount, restoredBaseSalary: restored, effectiveDate: date, cycleID: "cycle,2026", actorID: "hr-1",
            reason: "dispute resolved")
    }

    static func message<E: StrideEvent>(_ event: E, time: Date = time) throws -> KafkaConsumerMessage {
        let encoded = try EventCodec.encode(event, source: "/stride/incentives", time: time)
        return KafkaConsumerMessage(
            topic: "stride.payroll.v1", partition: 0, offset: 7, key: Array(encoded.key.utf8), value: encoded.value,
            headers: encoded.headers.map { KafkaHeader(key: $0.name, value: $0.value) })
    }

    /// The line the full decode writes, or `nil` when it does not decode to a line.
    static func slow(_ message: KafkaConsumerMessage) -> (csv: String, entry: PayrollBatch.Entry)? {
        guard case .line(let line) = try? PayrollRecord.decode(message) else { return nil }
        let batch = PayrollBatch([line])
        return (String(decoding: batch.csv, as: UTF8.self), batch.entries[0])
    }

    /// The line the fast path writes, or `nil` when it leaves the record to the full decode.
    static func fast(_ message: KafkaConsumerMessage, path: inout PayrollFastPath) -> (csv: String, entry: PayrollBatch.Entry)? {
        var batch = PayrollBatch()
        guard path.append(message, to: &batch) else {
            #expect(batch.isEmpty && batch.csv.isEmpty)
            return nil
        }
        return (String(decoding: batch.csv, as: UTF8.self), batch.entries[0])
    }

    static func expectSame(_ fast: (csv: String, entry: PayrollBatch.Entry), _ slow: (csv: String, entry: PayrollBatch.Entry)?) {
        #expect(fast.csv == slow?.csv)
        #expect(fast.entry.id == slow?.entry.id)
        #expect(fast.entry.effectiveDate == slow?.entry.effectiveDate)
        #expect(fast.entry.amount.value == slow?.entry.amount.value)
        #expect(fast.entry.currency == slow?.entry.currency)
    }

    static let canonicalEvents: [(String, @Sendable () throws -> KafkaConsumerMessage)] = [
        ("a bonus", { try message(approval()) }),
        ("a merit with both base salaries", {
            try message(approval(newBase: try Money("61234.50", currency: "EUR"), previous: try Money("60000.00", currency: "EUR")))
        }),
        ("more digits than the minor unit", { try message(approval(amount: try Money("1234.567", currency: "EUR"))) }),
        ("a currency without minor units", { try message(approval(amount: try Money("150000", currency: "JPY"))) }),
        ("a three-digit currency", { try message(approval(amount: try Money("12.345", currency: "KWD"))) }),
        ("a zero amount", { try message(approval(amount: try Money("0", currency: "EUR"))) }),
        ("a negative amount", { try message(approval(amount: try Money("-12.50", currency: "EUR"))) }),
        ("a comma in the cycle id, quoted", { try message(approval(cycle: "cycle,2027")) }),
        ("an id that is not a UUID", { try message(approval(id: "chg-42")) }),
        ("an uppercase UUID id, kept as text", { try message(approval(id: changeID.uppercased())) }),
        ("a new job level", { try message(approval(level: "L5")) }),
        ("a reversal, negated", { try message(reversal(restored: try Money("60000.00", currency: "EUR"))) }),
        ("a reversal of a negative amount", { try message(reversal(amount: try Money("-3.10", currency: "EUR"))) }),
    ]

    @Test("canonical records take the fast path and write the full decode's line", arguments: canonicalEvents.map(\.0))
    func canonical(name: String) throws {
        let message = try Self.canonicalEvents.first { $0.0 == name }!.1()
        var path = PayrollFastPath()
        let fast = try #require(Self.fast(message, path: &path))
        Self.expectSame(fast, Self.slow(message))
        // The second record with the same time is taken without the full header check.
        let again = try #require(Self.fast(message, path: &path))
        Self.expectSame(again, Self.slow(message))
    }

    /// Payloads edited by hand: `taken` says whether the fast path may take them.
    static let editedPayloads: [(String, Bool)] = [
        (#"{"change_id":"c-1","employee_id":"e","kind":"merit","amount":{"amount":"10.00","currency":"EUR"},"effective_date":"2027-03-31","cycle_id":"y","recommendation_id":"r","actor_id":"a"}"#, true),
        (#" { "kind" : "lump_sum" , "amount": {"currency": "EUR", "amount": "10.00"}, "change_id": "c-1", "employee_id": "e", "effective_date": "2027-03-31", "cycle_id": "y", "recommendation_id": "r", "actor_id": "a", "new_base_salary": null, "new_job_level": null } "#, true),
        (#"{"change_id":"c-1","employee_id":"e","kind":"merit","amount":{"amount":"10.1","currency":"EUR"},"effective_date":"2027-03-31","cycle_id":"y","recommendation_id":"r","actor_id":"a"}"#, false),
        (#"{"change_id":"c-1","employee_id":"e","kind":"merit","amount":{"amount":"10.100","currency":"EUR"},"effective_date":"2027-03-31","cycle_id":"y","recommendation_id":"r","actor_id":"a"}"#, false),
        (#"{"change_id":"c-1","employee_id":"e","kind":"merit","amount":{"amount":"010.00","currency":"EUR"},"effective_date":"2027-03-31","cycle_id":"y","recommendation_id":"r","actor_id":"a"}"#, false),
        (#"{"change_id":"c-1","employee_id":"e","kind":"merit","amount":{"amount":"-0.00","currency":"EUR"},"effective_date":"2027-03-31","cycle_id":"y","recommendation_id":"r","actor_id":"a"}"#, false),
        (#"{"change_id":"c-1","employee_id":"e","kind":"merit","amount":{"amount":"1e3","currency":"EUR"},"effective_date":"2027-03-31","cycle_id":"y","recommendation_id":"r","actor_id":"a"}"#, false),
        (#"{"change_id":"c-1","employee_id":"e","kind":"merit","amount":{"amount":"10.00","currency":"eur"},"effective_date":"2027-03-31","cycle_id":"y","recommendation_id":"r","actor_id":"a"}"#, false),
        (#"{"change_id":"c-1","employee_id":"e","kind":"merit","amount":{"amount":"10.00","currency":"EUR","x":"1"},"effective_date":"2027-03-31","cycle_id":"y","recommendation_id":"r","actor_id":"a"}"#, false),
        (#"{"change_id":"c-1","employee_id":"e","kind":"raise","amount":{"amount":"10.00","currency":"EUR"},"effective_date":"2027-03-31","cycle_id":"y","recommendation_id":"r","actor_id":"a"}"#, false),
        (#"{"change_id":"c-1","employee_id":"e","kind":"merit","amount":{"amount":"10.00","currency":"EUR"},"effective_date":"2027-02-30","cycle_id":"y","recommendation_id":"r","actor_id":"a"}"#, false),
        (#"{"change_id":"c-1","employee_id":"e","kind":"merit","amount":{"amount":"10.00","currency":"EUR"},"effective_date":"2027-3-31","cycle_id":"y","recommendation_id":"r","actor_id":"a"}"#, false),
        (#"{"change_id":"c\u002d1","employee_id":"e","kind":"merit","amount":{"amount":"10.00","currency":"EUR"},"effective_date":"2027-03-31","cycle_id":"y","recommendation_id":"r","actor_id":"a"}"#, false),
        (#"{"change_id":"c-ü","employee_id":"e","kind":"merit","amount":{"amount":"10.00","currency":"EUR"},"effective_date":"2027-03-31","cycle_id":"y","recommendation_id":"r","actor_id":"a"}"#, false),
        (#"{"change_id":"c-1","change_id":"c-2","employee_id":"e","kind":"merit","amount":{"amount":"10.00","currency":"EUR"},"effective_date":"2027-03-31","cycle_id":"y","recommendation_id":"r","actor_id":"a"}"#, false),
        (#"{"change_id":"c-1","employee_id":"e","kind":"merit","amount":{"amount":"10.00","currency":"EUR"},"effective_date":"2027-03-31","cycle_id":"y","recommendation_id":"r","actor_id":"a","extra":"1"}"#, false),
        (#"{"change_id":"c-1","employee_id":"e","kind":"merit","amount":{"amount":"10.00","currency":"EUR"},"effective_date":"2027-03-31","cycle_id":"y","recommendation_id":"r"}"#, false),
        (#"{"change_id":null,"employee_id":"e","kind":"merit","amount":{"amount":"10.00","currency":"EUR"},"effective_date":"2027-03-31","cycle_id":"y","recommendation_id":"r","actor_id":"a"}"#, false),
        (#"{"change_id":"c-1","employee_id":"e","kind":"merit","amount":{"amount":"10.00","currency":"EUR"},"new_base_salary":{"amount":"5","currency":"EUR"},"effective_date":"2027-03-31","cycle_id":"y","recommendation_id":"r","actor_id":"a"}"#, false),
        (#"{"change_id":"c-1","employee_id":"e","kind":"merit","amount":{"amount":"10.00","currency":"EUR"},"previous_base_salary":{"amount":"5.0","currency":"EUR"},"effective_date":"2027-03-31","cycle_id":"y","recommendation_id":"r","actor_id":"a"}"#, false),
        (#"{"change_id":"c-1","employee_id":"e","kind":"merit","amount":{"amount":"10.00","currency":"EUR"},"effective_date":"2027-03-31","cycle_id":"y","recommendation_id":"r","actor_id":"a"} x"#, false),
        (#"{"change_id":"c-1","employee_id":"e","kind":"merit","amount":{"amount":"10.00","currency":"EUR"},"effective_date":"2027-03-31","cycle_id":"y","recommendation_id":"r","actor_id":7}"#, false),
    ]

    @Test("edited payloads: the fast path takes only what it writes exactly as the full decode", arguments: editedPayloads.indices)
    func edited(index: Int) throws {
        let (payload, taken) = Self.editedPayloads[index]
        var message = try Self.message(Self.approval())
        message.value = Array(payload.utf8)
        var path = PayrollFastPath()
        let fast = Self.fast(message, path: &path)
        #expect((fast != nil) == taken)
        if let fast { Self.expectSame(fast, Self.slow(message)) }
    }

    /// Header edits: all must go the full way (which decodes or refuses them).
    static let editedHeaders: [(String, @Sendable ([KafkaHeader]) -> [KafkaHeader])] = [
        ("another spec version", { $0.map { $0.key == "ce_specversion" ? KafkaHeader(key: $0.key, value: "0.3") : $0 } }),
        ("a repeated ce_type", { $0 + $0.filter { $0.key == "ce_type" } }),
        ("a missing ce_source", { $0.filter { $0.key != "ce_source" } }),
        ("an id that is not a UUID", { $0.map { $0.key == "ce_id" ? KafkaHeader(key: $0.key, value: "not-a-uuid") : $0 } }),
        ("a bad time", { $0.map { $0.key == "ce_time" ? KafkaHeader(key: $0.key, value: "2027-02-30T00:00:00Z") : $0 } }),
        ("content-type in capitals", { $0.map { $0.key == "content-type" ? KafkaHeader(key: "Content-Type", value: "application/json") : $0 } }),
        ("another content type", { $0.map { $0.key == "content-type" ? KafkaHeader(key: $0.key, value: "text/plain") : $0 } }),
        ("an unknown event type", {
            $0.map { $0.key == "ce_type" ? KafkaHeader(key: $0.key, value: "stride.payroll.something-else.v1") : $0 }
        }),
        ("a header without a value", { $0.map { $0.key == "ce_source" ? KafkaHeader(key: $0.key, bytes: nil) : $0 } }),
    ]

    @Test("headers the fast path does not compare byte for byte go the full way", arguments: editedHeaders.map(\.0))
    func headers(name: String) throws {
        var message = try Self.message(Self.approval())
        message.headers = Self.editedHeaders.first { $0.0 == name }!.1(message.headers)
        var path = PayrollFastPath()
        #expect(Self.fast(message, path: &path) == nil)
    }

    @Test("a new ce_time is checked by the full decoder once, then recognised")
    func timeCache() throws {
        var path = PayrollFastPath()
        let first = try Self.message(Self.approval())
        #expect(Self.fast(first, path: &path) != nil)
        var bad = first
        bad.headers = bad.headers.map { $0.key == "ce_time" ? KafkaHeader(key: $0.key, value: "2027-13-01T00:00:00Z") : $0 }
        #expect(Self.fast(bad, path: &path) == nil)
        #expect(Self.slow(bad) == nil)
        // The bad time did not replace the accepted one.
        #expect(Self.fast(first, path: &path) != nil)
        let later = try Self.message(Self.approval(), time: Self.time.addingTimeInterval(60))
        #expect(Self.fast(later, path: &path) != nil)
    }

    @Test("a batch through the decoder: fast, full and unknown records in order, offsets after each")
    func decoderMixes() throws {
        var unknown = try Self.message(Self.approval())
        unknown.headers = unknown.headers.map { $0.key == "ce_type" ? KafkaHeader(key: $0.key, value: "stride.payroll.other.v1") : $0 }
        unknown.offset = 8
        var full = try Self.message(Self.approval(id: "chg-full", amount: try Money("7.5", currency: "EUR")))
        full.value = Array(String(decoding: full.value, as: UTF8.self).replacingOccurrences(of: "\"7.50\"", with: "\"7.5\"").utf8)
        full.offset = 9
        var decoder = PayrollBatchDecoder(skipUndecodable: false, logger: .init(label: "test"))
        let decoded = decoder.decode([try Self.message(Self.approval()), unknown, full])
        #expect(decoded.recordsRead == 3)
        #expect(decoded.offsets == [0: 10])
        #expect(decoded.unknownTypes == ["stride.payroll.other.v1": 1])
        #expect(decoded.lines.entries.map(\.id) == [PayrollLineID(Self.changeID), PayrollLineID("chg-full")])
        let csv = String(decoding: decoded.lines.csv, as: UTF8.self)
        #expect(csv.contains(",7.50,EUR,"))
        #expect(decoded.stop == nil)
    }

    @Test("line ids: only the canonical lowercase text of a UUID is kept as that UUID, so two texts stay two ids")
    func lineIDs() throws {
        let uuid = try #require(UUID(uuidString: Self.changeID))
        #expect(PayrollLineID(Self.changeID) == .uuid(uuid))
        #expect(PayrollLineID(Self.changeID.uppercased()) == .text(Self.changeID.uppercased()))
        #expect(PayrollLineID("chg-1") == .text("chg-1"))
        let notHex = String(Self.changeID.dropLast()) + "g"
        #expect(PayrollLineID(notHex) == .text(notHex))
        let noHyphen = Self.changeID.replacingOccurrences(of: "-", with: "x")
        #expect(PayrollLineID(noHyphen) == .text(noHyphen))
        var ids = PayrollLineIDs()
        let first = ids.insert(Self.changeID), second = ids.insert(Self.changeID.uppercased()), again = ids.insert(Self.changeID)
        #expect(first && second && !again)
        #expect(ids.count == 2)
        #expect(ids.contains(.uuid(uuid)))
    }

    @Test("the names and texts the fast path compares are the contracts' own")
    func spellings() {
        let text = { (string: StaticString) in string.description }
        #expect(text(PayrollFastPath.approvedType) == CompensationChangeApproved.eventType)
        #expect(text(PayrollFastPath.reversedType) == CompensationChangeReversed.eventType)
        #expect(text(PayrollFastPath.specVersion) == EventHeader.specVersion)
        #expect(text(PayrollFastPath.jsonContentType) == EventHeader.jsonContentType)
        #expect(Set(PayrollFastPath.headerNames.map(text)) == [
            EventHeader.specVersionName, EventHeader.idName, EventHeader.sourceName, EventHeader.typeName, EventHeader.timeName,
            EventHeader.subjectName, EventHeader.contentTypeName, EventHeader.traceparentName,
        ])
        // Every member an event writes, with every optional one set.
        let money = try! Money("1.00", currency: "EUR")
        let approval = Self.approval(newBase: money, previous: money, level: "L2")
        let reversal = Self.reversal(restored: money)
        #expect(Set(PayrollFastPath.approvedMembers.map { text($0.name) }) == Self.keys(try! EventCodec.encodePayload(approval)))
        #expect(Set(PayrollFastPath.reversedMembers.map { text($0.name) }) == Self.keys(try! EventCodec.encodePayload(reversal)))
    }

    static func keys(_ payload: [UInt8]) -> Set<String> {
        let object = try? JSONSerialization.jsonObject(with: Data(payload)) as? [String: Any]
        return Set(object?.keys.map { $0 } ?? [])
    }
}
