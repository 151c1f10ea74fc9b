import Foundation
import StrideContracts
import Testing

/// The one JSON configuration: money, decimals, dates, enums, unknown fields, error messages.
@Suite("Payload JSON rules")
struct PayloadRulesTests {
    static func json<E: StrideEvent>(_ event: E) throws -> String {
        String(decoding: try EventCodec.encodePayload(event), as: UTF8.self)
    }

    static func decode<E: StrideEvent>(_ type: E.Type, _ json: String) throws -> E {
        try EventCodec.decodePayload(type, from: Array(json.utf8))
    }

    static func change(amount: Money) -> CompensationChangeApproved {
        CompensationChangeApproved(
            changeID: "CHG-1", employeeID: "E-1", kind: .bonus, amount: amount, previousBaseSalary: nil,
            newBaseSalary: nil, effectiveDate: CalendarDate(year: 2027, month: 3, day: 31), cycleID: "C-1",
            recommendationID: "R-1", actorID: "E-2")
    }

    static func changeJSON(amount: String, currency: String) -> String {
        #"{"actor_id":"E-2","amount":{"amount":"\#(amount)","currency":"\#(currency)"},"change_id":"CHG-1","#
            + #""cycle_id":"C-1","effective_date":"2027-03-31","employee_id":"E-1","kind":"bonus","recommendation_id":"R-1"}"#
    }

    @Test(
        "money is written with at least the currency's minor units, never rounded",
        arguments: [
            ("0.1", "EUR", "0.10"), ("0.10", "EUR", "0.10"), ("1234.5", "EUR", "1234.50"), ("1234.567", "EUR", "1234.567"),
            ("1500", "JPY", "1500"), ("12.5", "KWD", "12.500"), ("-42", "USD", "-42.00"), ("0", "EUR", "0.00"),
        ])
    func moneyScale(amount: String, currency: String, written: String) throws {
        let money = try Money(amount, currency: currency)
        #expect(money.amountText == written)
        let json = try Self.json(Self.change(amount: money))
        #expect(json.contains(#""amount":{"amount":"\#(written)","currency":"\#(currency)"}"#))
        let decoded = try Self.decode(CompensationChangeApproved.self, json)
        #expect(decoded.amount == money)
        #expect(try Self.json(decoded) == json, "re-encoding is byte-identical")
    }

    @Test("a large amount keeps every digit")
    func moneyPrecision() throws {
        let money = try Money("98765432109876543210.01", currency: "EUR")
        let decoded = try Self.decode(CompensationChangeApproved.self, try Self.json(Self.change(amount: money)))
        #expect(decoded.amount.amountText == "98765432109876543210.01")
    }

    @Test("an invalid currency is rejected on decode, naming the field", arguments: ["eur", "EURO", "E1R", ""])
    func invalidCurrencyDecode(currency: String) throws {
        let error = try #require(throws: ContractError.self) {
            try Self.decode(CompensationChangeApproved.self, Self.changeJSON(amount: "10.00", currency: currency))
        }
        #expect(error.code == .invalidPayload)
        #expect(error.field == "amount.currency")
    }

    @Test("an invalid currency cannot be encoded")
    func invalidCurrencyEncode() throws {
        let error = try #require(throws: ContractError.self) {
            try EventCodec.encodePayload(Self.change(amount: Money(amount: 10, currency: "euro")))
        }
        #expect(error.code == .encodingFailed)
        #expect(error.field == "amount")
    }

    @Test("amounts must be exact decimal strings", arguments: ["1e3", "12,50", " 12.50", "12.", ".5", "+1", "NaN"])
    func invalidAmountText(amount: String) throws {
        let error = try #require(throws: ContractError.self) {
            try Self.decode(CompensationChangeApproved.self, Self.changeJSON(amount: amount, currency: "EUR"))
        }
        #expect(error.field == "amount.amount")
    }

    @Test("a JSON number where a decimal string is expected is rejected")
    func amountAsNumber() throws {
        let json = Self.changeJSON(amount: "10.00", currency: "EUR").replacingOccurrences(of: #""10.00""#, with: "10.0")
        let error = try #require(throws: ContractError.self) { try Self.decode(CompensationChangeApproved.self, json) }
        #expect(error.code == .invalidPayload)
        #expect(error.field == "amount.amount")
    }

    @Test("unknown fields are ignored at every level")
    func unknownFieldsIgnored() throws {
        let json = Self.changeJSON(amount: "10.00", currency: "EUR")
            .replacingOccurrences(of: #""currency":"EUR"}"#, with: #""currency":"EUR","fx_rate":"1.1"}"#)
            .replacingOccurrences(of: #"{"actor_id""#, with: #"{"added_in_v1_5":{"x":[1,2]},"actor_id""#)
        let decoded = try Self.decode(CompensationChangeApproved.self, json)
        #expect(decoded == Self.change(amount: try Money("10", currency: "EUR")))
    }

    @Test("a missing required field is named with its path")
    func missingField() throws {
        let json = #"{"employee_id":"E-1","period_id":"P","period_starts_on":"2026-01-01","period_ends_on":"2026-12-31","#
            + #""actor_id":"a","version":1,"weighted_attainment_percent":"50","goals":[{"goal_id":"G","title":"t","#
            + #""kind":"kpi","status":"active","weight":"100","weighted_points":"50"}]}"#
        let error = try #require(throws: ContractError.self) { try Self.decode(AttainmentFinalized.self, json) }
        #expect(error.code == .invalidPayload)
        #expect(error.field == "goals[0].attainment_percent")
        #expect(error.message.contains("stride.goals.attainment.finalized.v1"))
    }

    @Test("an unknown enum value is an invalid payload naming the field")
    func unknownEnumValue() throws {
        let json = Self.changeJSON(amount: "1.00", currency: "EUR").replacingOccurrences(of: #""bonus""#, with: #""stock""#)
        let error = try #require(throws: ContractError.self) { try Self.decode(CompensationChangeApproved.self, json) }
        #expect(error.field == "kind")
    }

    @Test("absent optionals are omitted, not null, and decode from absent or null")
    func optionals() throws {
        let event = RecommendationApproved(
            recommendationID: "R", employeeID: "E", cycleID: "C", recommendationKind: .developmentAction, actorID: "A",
            version: 1, amount: nil, percent: nil, effectiveDate: nil, compensationChangeID: nil, comment: nil)
        let json = try Self.json(event)
        #expect(json == #"{"actor_id":"A","cycle_id":"C","employee_id":"E","recommendation_id":"R","recommendation_kind":"development_action","version":1}"#)
        let withNulls = json.replacingOccurrences(of: #""version":1"#, with: #""version":1,"percent":null,"comment":null"#)
        #expect(try Self.decode(RecommendationApproved.self, withNulls) == event)
    }

    @Test("decimals are exact strings in shortest form")
    func decimals() throws {
        let reading = MetricReading(
            source: "bi", metricID: "m", value: SampleValues.decimal("0.10"), unit: nil,
            observedAt: Date(timeIntervalSince1970: 0))
        #expect(try Self.json(reading)
            == #"{"metric_id":"m","observed_at":"1970-01-01T00:00:00.000Z","source":"bi","value":"0.1"}"#)
        let big = try Self.decode(MetricReading.self, #"{"metric_id":"m","observed_at":"1970-01-01T00:00:00Z","source":"bi","value":"-123456789.000000001"}"#)
        #expect(big.value == SampleValues.decimal("-123456789.000000001"))
    }

    @Test("instants are UTC with milliseconds; other RFC 3339 forms decode")
    func instants() throws {
        let base = #"{"metric_id":"m","source":"s","value":"1","observed_at":"#
        let withOffset = try Self.decode(MetricReading.self, base + #""2026-03-31T10:15:30.250+02:00"}"#)
        #expect(withOffset.observedAt == SampleValues.observedAt)
        #expect(try Self.json(withOffset).contains(#""observed_at":"2026-03-31T08:15:30.250Z""#))
        #expect(throws: ContractError.self) { try Self.decode(MetricReading.self, base + #""2026-03-31 08:15:30"}"#) }
    }

    @Test("calendar dates are YYYY-MM-DD and must exist")
    func calendarDates() throws {
        #expect(CalendarDate("2028-02-29") == CalendarDate(year: 2028, month: 2, day: 29))
        for bad in ["2026-02-29", "2026-13-01", "2026-1-01", "20260101", "2026-01-01T00:00:00Z"] {
            #expect(CalendarDate(bad) == nil, "\(bad)")
        }
        #expect(CalendarDate(year: 2026, month: 12, day: 31).adding(days: 1) == CalendarDate(year: 2027, month: 1, day: 1))
        #expect(CalendarDate(year: 2026, month: 3, day: 1) < CalendarDate(year: 2026, month: 3, day: 2))
        #expect(CalendarDate(utc: SampleValues.observedAt).description == "2026-03-31")
        let event = EmployeeTerminated(employeeID: "E", terminationDate: CalendarDate(year: 2026, month: 4, day: 30), reason: nil)
        #expect(try Self.json(event) == #"{"employee_id":"E","termination_date":"2026-04-30"}"#)
        let error = try #require(throws: ContractError.self) {
            try Self.decode(EmployeeTerminated.self, #"{"employee_id":"E","termination_date":"2026-04-31"}"#)
        }
        #expect(error.field == "termination_date")
    }

    @Test("money helpers: rounding to minor units and compa-ratio")
    func moneyHelpers() throws {
        #expect(try Money("2.345", currency: "EUR").rounded().amountText == "2.34")
        #expect(try Money("2.355", currency: "EUR").rounded().amountText == "2.36")
        #expect(try Money("1500.4", currency: "JPY").rounded().amountText == "1500")
        let band = SalaryBand(
            minimum: try Money("60000", currency: "EUR"), midpoint: try Money("75000", currency: "EUR"),
            maximum: try Money("90000", currency: "EUR"))
        #expect(band.compaRatio(of: try Money("72000", currency: "EUR")) == SampleValues.decimal("0.96"))
        #expect(band.compaRatio(of: try Money("72000", currency: "USD")) == nil)
    }
}
