import Foundation
import StrideContracts
import StrideRuntime
import Testing

@testable import StrideIncentives

@Suite("Incentives domain: merit ranges")
struct MeritRangeDomainTests {
    typealias F = DomainFixtures

    private func fields(_ range: MeritRange) -> [String] {
        F.summary(range.violations(field: "cell"))
    }

    @Test("a range with minimum ≤ guideline ≤ maximum from 0 to 100 is fine, equal ends included")
    func valid() {
        #expect(fields(F.range("2", "3", "4")).isEmpty)
        #expect(fields(F.range("0", "0", "0")).isEmpty)
        #expect(fields(F.range("100", "100", "100")).isEmpty)
        #expect(fields(F.range("1.25", "1.25", "99.99")).isEmpty)
    }

    @Test("a minimum above the guideline is invalid on guideline_percent")
    func minimumAboveGuideline() {
        #expect(fields(F.range("3", "2", "4")) == ["invalid:cell.guideline_percent"])
        #expect(fields(F.range("2.01", "2", "4")) == ["invalid:cell.guideline_percent"])
    }

    @Test("a guideline above the maximum is invalid on guideline_percent")
    func guidelineAboveMaximum() {
        #expect(fields(F.range("1", "5", "4")) == ["invalid:cell.guideline_percent"])
        #expect(fields(F.range("5", "5", "4.99")) == ["invalid:cell.guideline_percent"])
    }

    @Test("a percentage over 100 is invalid on its own field")
    func overHundred() {
        #expect(fields(F.range("1", "2", "100.01")) == ["invalid:cell.maximum_percent"])
        #expect(fields(F.range("101", "102", "103")) == ["invalid:cell.minimum_percent", "invalid:cell.guideline_percent", "invalid:cell.maximum_percent"])
    }

    @Test("a negative percentage is invalid, and no order violation is added on top")
    func negative() {
        #expect(fields(F.range("-1", "2", "3")) == ["invalid:cell.minimum_percent"])
        #expect(fields(F.range("-0.01", "-0.01", "0")) == ["invalid:cell.minimum_percent", "invalid:cell.guideline_percent"])
        // Out of order too, but the value errors come alone.
        #expect(fields(F.range("1", "-2", "3")) == ["invalid:cell.guideline_percent"])
    }

    @Test("three decimals are invalid; two are fine; trailing zeros do not count")
    func decimals() {
        #expect(fields(F.range("1.125", "2", "3")) == ["invalid:cell.minimum_percent"])
        #expect(fields(F.range("1", "2.001", "3")) == ["invalid:cell.guideline_percent"])
        #expect(fields(F.range("1", "2", "3.333")) == ["invalid:cell.maximum_percent"])
        #expect(fields(F.range("1.12", "2.00", "3.300")).isEmpty)
        // Both too large and three decimals: two violations on the same field.
        #expect(fields(F.range("1", "2", "100.001")) == ["invalid:cell.maximum_percent", "invalid:cell.maximum_percent"])
    }

    @Test("contains includes both ends")
    func contains() {
        let range = F.range("2", "3", "4")
        #expect(range.contains(2))
        #expect(range.contains(F.dec("3.5")))
        #expect(range.contains(4))
        #expect(!range.contains(F.dec("1.99")))
        #expect(!range.contains(F.dec("4.01")))
    }

    @Test("a cell round-trips through JSON with its percentages as strings")
    func cellCodable() throws {
        let text = #"{"rating_level":3,"zone":"q2","minimum_percent":"2","guideline_percent":"3","maximum_percent":"4"}"#
        let cell = try F.decode(MeritMatrix.Cell.self, text)
        #expect(cell == MeritMatrix.Cell(ratingLevel: 3, zone: .q2, range: F.range("2", "3", "4")))
        let encoded = try F.json(cell)
        #expect(encoded == #"{"guideline_percent":"3","maximum_percent":"4","minimum_percent":"2","rating_level":3,"zone":"q2"}"#)
        #expect(try F.decode(MeritMatrix.Cell.self, encoded) == cell)
    }

    @Test("fractional percentages keep their exact digits through JSON")
    func cellFractions() throws {
        let cell = MeritMatrix.Cell(ratingLevel: 5, zone: .aboveMaximum, range: F.range("0.05", "1.5", "2.75"))
        let encoded = try F.json(cell)
        #expect(encoded == #"{"guideline_percent":"1.5","maximum_percent":"2.75","minimum_percent":"0.05","rating_level":5,"zone":"above_maximum"}"#)
        #expect(try F.decode(MeritMatrix.Cell.self, encoded) == cell)
    }

    @Test(
        "a cell with a number instead of a decimal string, a bad zone or a missing field does not decode",
        arguments: [
            #"{"rating_level":3,"zone":"q2","minimum_percent":2,"guideline_percent":"3","maximum_percent":"4"}"#,
            #"{"rating_level":3,"zone":"q2","minimum_percent":"2","guideline_percent":"3.0e0","maximum_percent":"4"}"#,
            #"{"rating_level":3,"zone":"q2","minimum_percent":"2","guideline_percent":"3"}"#,
            #"{"rating_level":3,"zone":"Q2","minimum_percent":"2","guideline_percent":"3","maximum_percent":"4"}"#,
            #"{"zone":"q2","minimum_percent":"2","guideline_percent":"3","maximum_percent":"4"}"#,
            #"{"rating_level":"3","zone":"q2","minimum_percent":"2","guideline_percent":"3","maximum_percent":"4"}"#,
        ])
    func cellDecodingFailures(text: String) {
        #expect(throws: DecodingError.self) { try F.decode(MeritMatrix.Cell.self, text) }
    }

    @Test("a range alone round-trips with snake-case keys")
    func rangeCodable() throws {
        let range = F.range("1", "2.5", "4")
        #expect(try F.json(range) == #"{"guideline_percent":"2.5","maximum_percent":"4","minimum_percent":"1"}"#)
        #expect(try F.decode(MeritRange.self, try F.json(range)) == range)
    }
}
