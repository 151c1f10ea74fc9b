import Foundation
import StrideContracts
import StrideKafka
@testable import StridePayrollExport
import StrideTestSupport
import Testing

/// Payroll events for one test, and the lines an exactly-once export of them must produce.
///
/// Changes cycle through the kinds, three currencies (JPY has no minor unit) and three effective
/// dates; their cycle id holds a comma and quotes, so every line exercises CSV quoting. Reversals
/// take effect on a fourth date. Every event is kept encoded, so sending it again is a redelivery
/// with the same `ce_id`.
struct PayrollScenario {
    /// What one line must say.
    struct ExpectedLine: Equatable {
        var fileName: String
        var amount: Decimal
        var currency: String
    }

    let topic: String
    let run = TestEnvironment.uniqueName("r")
    /// Every event made so far, by line id.
    private(set) var events: [String: EncodedEvent] = [:]
    /// Every line the export must write, by line id.
    private(set) var expected: [String: ExpectedLine] = [:]
    private var changes: [Int: CompensationChangeApproved] = [:]

    static let dates = [CalendarDate(year: 2026, month: 4, day: 1), CalendarDate(year: 2026, month: 5, day: 1), CalendarDate(year: 2026, month: 6, day: 15)]
    static let reversalDate = CalendarDate(year: 2026, month: 7, day: 1)
    static let cycleID = "cycle, 2026 \"H1\""

    init(topic: String) {
        self.topic = topic
    }

    func changeID(_ index: Int) -> String { "chg-\(run)-\(index)" }
    func reversalID(_ index: Int) -> String { "rev-\(run)-\(index)" }

    /// Change number `index`.
    static func change(_ index: Int, id: String) -> CompensationChangeApproved {
        let kind = CompensationChangeKind.allCases[index % CompensationChangeKind.allCases.count]
        let currency = ["EUR", "USD", "JPY"][index % 3]
        let amount = currency == "JPY" ? Decimal(1000 + index * 7) : Decimal(string: "\(100 + index).\(String(format: "%02d", index % 100))")!
        let salaried = kind == .merit || kind == .promotion
        return CompensationChangeApproved(
            changeID: id, employeeID: "E\(index % 37)", kind: kind, amount: Money(amount: amount, currency: currency),
            previousBaseSalary: salaried ? Money(amount: 50_000, currency: currency) : nil,
            newBaseSalary: salaried ? Money(amount: 50_000 + amount, currency: currency) : nil,
            effectiveDate: dates[(index / 3) % dates.count], cycleID: cycleID, recommendationID: "rec-\(index)", actorID: "HR1")
    }

    /// Makes changes `indices`; returns their records (each once).
    mutating func changes(_ indices: Range<Int>) throws -> [KafkaOutgoingMessage] {
        try indices.map { index in
            let change = Self.change(index, id: changeID(index))
            changes[index] = change
            return try add(EventCodec.encode(change, source: "/stride/incentives"), id: change.changeID, line: PayrollLine(change))
        }
    }

    /// Reverses the changes `indices` (made before); returns the reversals' records.
    mutating func reversals(of indices: [Int]) throws -> [KafkaOutgoingMessage] {
        try indices.map { index in
            let change = try #require(changes[index])
            let reversal = CompensationChangeReversed(
                reversalID: reversalID(index), reversedChangeID: change.changeID, employeeID: change.employeeID, kind: change.kind,
                amount: change.amount, restoredBaseSalary: change.previousBaseSalary, effectiveDate: Self.reversalDate,
                cycleID: change.cycleID, actorID: "HR2", reason: "entered twice, \"by mistake\"")
            return try add(EventCodec.encode(reversal, source: "/stride/incentives"), id: reversal.reversalID, line: PayrollLine(reversal))
        }
    }

    /// The records of events made before, again: a redelivery (same `ce_id`).
    func redeliveries(_ lineIDs: [String]) throws -> [KafkaOutgoingMessage] {
        try lineIDs.map { PayrollTestKafka.record(try #require(events[$0]), topic: topic) }
    }

    /// `count` records of an event type the export does not know, keyed like payroll events.
    func unknownTypes(_ count: Int) -> [KafkaOutgoingMessage] {
        (0..<count).map { index in
            let metadata = EventMetadata(
                id: UUID(), source: "/stride/incentives", type: "stride.payroll.compensation-change.approved.v2", time: Date(),
                subject: "E\(index)")
            return KafkaOutgoingMessage(
                topic: topic, key: "E\(index)", value: Array("{\"change_id\":\"future-\(index)\"}".utf8),
                headers: EventCodec.headers(for: metadata).map { KafkaHeader(key: $0.name, value: $0.value) })
        }
    }

    /// A record that says it is an approval but whose payload is not one.
    func undecodable(key: String = "E0") -> KafkaOutgoingMessage {
        let metadata = EventMetadata(
            id: UUID(), source: "/stride/incentives", type: CompensationChangeApproved.eventType, time: Date(), subject: key)
        return KafkaOutgoingMessage(
            topic: topic, key: key, value: Array("{\"change_id\":42}".utf8),
            headers: EventCodec.headers(for: metadata).map { KafkaHeader(key: $0.name, value: $0.value) })
    }

    private mutating func add(_ event: EncodedEvent, id: String, line: PayrollLine) -> KafkaOutgoingMessage {
        events[id] = event
        expected[id] = ExpectedLine(fileName: line.fileName, amount: line.amount.amount, currency: line.amount.currency)
        return PayrollTestKafka.record(event, topic: topic)
    }

    /// Per file, the expected line count and sums per currency.
    var expectedFiles: [String: PayrollExportSummary.FileTotals] {
        expected.values.reduce(into: [:]) { files, line in
            files[line.fileName, default: .init()].add(line.amount, currency: line.currency, appended: false)
        }
    }
}
