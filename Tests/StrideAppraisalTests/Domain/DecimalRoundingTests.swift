import Foundation
import Testing

@testable import StrideAppraisal

@Suite("Rounding scores")
struct DecimalRoundingTests {
    /// What `divide` must equal: `Decimal`'s own division, rounded by `NSDecimalRound`.
    func reference(_ dividend: Decimal, _ divisor: Decimal, places: Int) -> Decimal {
        DecimalRounding.round(dividend / divisor, places: places)
    }

    @Test("the integer quotient equals Decimal's division rounded, in value and in text, for every sign and scale")
    func divideMatchesDecimal() throws {
        let dividends: [Decimal] = (-60...60).map { Decimal($0) }
            + ["366.666", "246.666", "0.5", "-0.5", "2.00005", "-2.00005", "99.99995", "1234567.8912", "0.0001", "-0.00015", "1.25", "7.4999"]
                .map { Decimal(string: $0)! }
        let divisors: [Decimal] = [1, 2, 3, 6, 7, 8, 9, 11, 13, 70, 97, 100, 300, -3, -8]
            + ["0.3", "1.5", "33.3333", "0.0007", "1000000"].map { Decimal(string: $0)! }
        var checked = 0
        for places in 0...4 {
            for dividend in dividends {
                for divisor in divisors {
                    let fast = DecimalRounding.divide(dividend, by: divisor, places: places)
                    let slow = reference(dividend, divisor, places: places)
                    #expect(fast == slow, "\(dividend) / \(divisor) to \(places) places")
                    #expect(DecimalRounding.plain(fast) == DecimalRounding.plain(slow), "\(dividend) / \(divisor) to \(places) places")
                    checked += 1
                }
            }
        }
        #expect(checked == 5 * 133 * 20)
    }

    @Test("values beyond 18 significant digits take Decimal's path and still round half away from zero")
    func wideValues() throws {
        let wide = try #require(Decimal(string: "12345678901234567890.12345"))
        #expect(DecimalRounding.divide(wide, by: 3) == reference(wide, 3, places: 4))
        let tiny = try #require(Decimal(string: "0.000000000000000000001"))
        #expect(DecimalRounding.divide(1, by: tiny, places: 0) == reference(1, tiny, places: 0))
        let millionth = try #require(Decimal(string: "0.000001"))
        #expect(DecimalRounding.divide(5, by: 10_000_000, places: 6) == millionth)  // 0.0000005 rounds up
        #expect(DecimalRounding.divide(-5, by: 10_000_000, places: 6) == -millionth)
        #expect(DecimalRounding.divide(0, by: -7) == 0)
        #expect(DecimalRounding.plain(DecimalRounding.divide(-1, by: 100_000)) == "0")  // -0.00001 rounds to 0, written without a sign
    }

    @Test("fixed and plain text: padded to the places, never rounded twice, no negative zero")
    func text() throws {
        #expect(DecimalRounding.fixed(Decimal(string: "3.6")!) == "3.6000")
        #expect(DecimalRounding.fixed(Decimal(string: "3.66666")!) == "3.6667")
        #expect(DecimalRounding.fixed(100) == "100.0000")
        #expect(DecimalRounding.fixed(Decimal(string: "-0.00001")!) == "0.0000")
        #expect(DecimalRounding.fixed(Decimal(string: "2.5")!, places: 0) == "3")
        #expect(DecimalRounding.plain(Decimal(string: "60.00")!) == "60")
        #expect(DecimalRounding.plain(Decimal(string: "12.50")!) == "12.5")
        #expect(DecimalRounding.plain(Decimal(string: "-0")!) == "0")
    }
}
