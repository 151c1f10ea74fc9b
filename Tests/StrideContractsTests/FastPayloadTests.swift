import Foundation
@testable import StrideContracts
import Testing

/// The fast decoding path of the bulk payroll payloads (``FlatJSONObject``) and the short decimal
/// parser and formatter must agree with `JSONDecoder` and `Decimal`'s own text, or step aside.
@Suite struct FastPayloadTests {
    static let posix = Locale(identifier: "en_US_POSIX")

    @Test(arguments: [
        "1234.50", "0.10", "-12.340", "007.5", "60000", "100000", "1", "-1", "999999999999999999", "0.000000000000000001",
        "123456789.123456789", "1000000000000000000", "0", "0.000", "-0.00", "1e3", "1.", ".5", "1,5", " 1", "--1", "",
    ])
    func decimalTextMatchesFoundation(text: String) {
        let expected = Decimal(string: text, locale: Self.posix)
        let parsed = DecimalText.parse(text)
        let strict = text.range(of: #"^-?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil
        #expect((parsed != nil) == strict)
        if let parsed, let expected {
            #expect(parsed == expected)
            #expect(parsed.description == expected.description)
            #expect(parsed.exponent == expected.exponent)
        }
    }

    @Test func decimalFormatMatchesDescription() {
        var values: [Decimal] = []
        for text in ["1234.50", "0.10", "-12.340", "0.005", "60000", "100000", "-0.5", "123456789.987654321", "5000000000000000000"] {
            values.append(Decimal(string: text, locale: Self.posix)!)
        }
        for index in 0..<2_000 {
            let value = Decimal(string: "\(index * 37 % 9_999).\(index % 100)", locale: Self.posix)!
            values.append(value)
            values.append(value + Decimal(string: "0.50", locale: Self.posix)!)
            values.append(-value * 3)
            values.append(value / 8)
        }
        for value in values {
            for digits in [0, 2, 3] {
                var slow = value.description
                if slow == "-0" { slow = "0" }
                if digits > 0 {
                    if let point = slow.firstIndex(of: ".") {
                        let fraction = slow.distance(from: slow.index(after: point), to: slow.endIndex)
                        if fraction < digits { slow += String(repeating: "0", count: digits - fraction) }
                    } else {
                        slow += "." + String(repeating: "0", count: digits)
                    }
                }
                #expect(DecimalText.format(value, minimumFractionDigits: digits) == slow, "\(value) with \(digits)")
            }
        }
    }

    static let change = #"{"actor_id":"hr-1","amount":{"amount":"1234.50","currency":"EUR"},"change_id":"c-1","cycle_id":"cycle, 2026 \"H1\"","effective_date":"2026-04-01","employee_id":"e-1","kind":"merit","new_base_salary":{"amount":"61234.50","currency":"EUR"},"previous_base_salary":{"amount":"60000.00","currency":"EUR"},"recommendation_id":"r-1"}"#

    @Test(arguments: [
        change,
        #"{"actor_id":"hr-1","amount":{"amount":"100","currency":"JPY"},"change_id":"c-2","cycle_id":"cy","effective_date":"2026-04-01","employee_id":"é-2","kind":"bonus","recommendation_id":"r-2","new_job_level":null}"#,
        #" { "change_id" : "c-3", "employee_id":"e","kind":"lump_sum","amount":{"currency":"USD","amount":"5","extra":"x"},"effective_date":"2026-05-01","cycle_id":"c","recommendation_id":"r","actor_id":"a","future":{"a":"b"},"new_job_level":"L5"} "#,
        #"{"change_id":"c-4","employee_id":"e","kind":"merit","amount":{"amount":"5","currency":"USD"},"effective_date":"2026-05-01","cycle_id":"c","recommendation_id":"r","actor_id":"a","future":12}"#,
        #"{"change_id":"c-5","change_id":"c-6","employee_id":"e","kind":"merit","amount":{"amount":"5","currency":"USD"},"effective_date":"2026-05-01","cycle_id":"c","recommendation_id":"r","actor_id":"a"}"#,
        #"{"change_id":"c-7","employee_id":"e","kind":"merit","amount":{"amount":"5.","currency":"USD"},"effective_date":"2026-05-01","cycle_id":"c","recommendation_id":"r","actor_id":"a"}"#,
        #"{"change_id":"c-8","employee_id":"e","kind":"raise","amount":{"amount":"5","currency":"USD"},"effective_date":"2026-05-01","cycle_id":"c","recommendation_id":"r","actor_id":"a"}"#,
        #"{"change_id":"c-9","employee_id":"e","kind":"merit","amount":{"amount":"5","currency":"usd"},"effective_date":"2026-02-30","cycle_id":"c","recommendation_id":"r","actor_id":"a"}"#,
        #"{"change_id":null,"employee_id":"e","kind":"merit","amount":{"amount":"5","currency":"USD"},"effective_date":"2026-05-01","cycle_id":"c","recommendation_id":"r","actor_id":"a"}"#,
        #"{"employee_id":"e","kind":"merit","amount":{"amount":"5","currency":"USD"},"effective_date":"2026-05-01","cycle_id":"c","recommendation_id":"r","actor_id":"a"}"#,
        #"{"change_id":"c-10","employee_id":"e","kind":"merit","amount":{"amount":"5","currency":"USD"},"effective_date":"2026-05-01","cycle_id":"c","recommendation_id":"r","actor_id":"a"} x"#,
        #"{"change_id":"c-11","employee_id":"e","kind":"merit","amount":{"amount":"5","currency":"USD"},"effective_date":"2026-05-01","cycle_id":"c","recommendation_id":"r","actor_id":"a""#,
        "[]", "", "null",
    ])
    func changeDecodesAsJSONDecoderDoes(json: String) throws {
        let bytes = Array(json.utf8)
        let authority = Result { try EventCodec.payloadDecoder.decode(CompensationChangeApproved.self, from: Data(bytes)) }
        let fast = CompensationChangeApproved(fastPayload: bytes)
        switch authority {
        case .success(let event):
            if let fast { #expect(fast == event) }
            #expect(try EventCodec.decodePayload(CompensationChangeApproved.self, from: bytes) == event)
        case .failure:
            #expect(fast == nil)
            #expect(throws: ContractError.self) { try EventCodec.decodePayload(CompensationChangeApproved.self, from: bytes) }
        }
    }

    @Test func canonicalPayloadsTakeTheFastPath() throws {
        let change = CompensationChangeApproved(
            changeID: "c-1", employeeID: "e-1", kind: .promotion, amount: Money(amount: Decimal(string: "1234.5")!, currency: "EUR"),
            previousBaseSalary: Money(amount: 60_000, currency: "EUR"), newBaseSalary: Money(amount: Decimal(string: "61234.5")!, currency: "EUR"),
            effectiveDate: CalendarDate(year: 2026, month: 4, day: 1), cycleID: "cy", recommendationID: "r", actorID: "hr", newJobLevel: "L5")
        #expect(CompensationChangeApproved(fastPayload: try EventCodec.encodePayload(change)) == change)
        let reversal = CompensationChangeReversed(
            reversalID: "v-1", reversedChangeID: "c-1", employeeID: "e-1", kind: .promotion, amount: change.amount,
            restoredBaseSalary: change.previousBaseSalary, effectiveDate: CalendarDate(year: 2026, month: 7, day: 1), cycleID: "cy",
            actorID: "hr", reason: "entered twice, \"by mistake\" — zweimal")
        let bytes = try EventCodec.encodePayload(reversal)
        #expect(try EventCodec.decodePayload(CompensationChangeReversed.self, from: bytes) == reversal)
    }

    @Test(arguments: ["6f1c2a3e-0b4d-4e5f-8a9b-0c1d2e3f4a5b", "6F1C2A3E-0B4D-4E5F-8A9B-0C1D2E3F4A5B", "6f1c2a3e0b4d4e5f8a9b0c1d2e3f4a5b", "6f1c2a3e-0b4d-4e5f-8a9b-0c1d2e3f4a5g", ""])
    func uuidMatchesFoundation(text: String) {
        let fast = EventCodec.canonicalUUID(text)
        if let fast { #expect(fast == UUID(uuidString: text)) }
        #expect((fast ?? UUID(uuidString: text)) == UUID(uuidString: text))
    }
}
