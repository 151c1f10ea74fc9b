import Foundation
import StrideCoaching
import Testing

@Suite("Completion rates")
struct CompletionRateTests {
    @Test("percent is exact to one place, halves rounded up")
    func percent() {
        #expect(CompletionRate(done: 1, due: 3).percent() == Decimal(string: "33.3"))
        #expect(CompletionRate(done: 2, due: 3).percent() == Decimal(string: "66.7"))
        #expect(CompletionRate(done: 1, due: 8).percent() == Decimal(string: "12.5"))
        #expect(CompletionRate(done: 1, due: 16).percent() == Decimal(string: "6.3"))
        #expect(CompletionRate(done: 1, due: 16).percent(places: 3) == Decimal(string: "6.25"))
        #expect(CompletionRate(done: 5, due: 5).percent() == 100)
        #expect(CompletionRate(done: 0, due: 5).percent() == 0)
    }

    @Test("nothing due has no rate")
    func nothingDue() {
        #expect(CompletionRate.zero.percent() == nil)
        #expect(CompletionRate(done: 3, due: 0).percent() == nil)
    }

    @Test("counts are clamped: never negative, never more done than due")
    func clamped() {
        #expect(CompletionRate(done: 7, due: 5) == CompletionRate(done: 5, due: 5))
        #expect(CompletionRate(done: -1, due: -2) == .zero)
    }

    @Test("rates combine by counts, not by averaging percentages")
    func combine() {
        let combined = CompletionRate(done: 1, due: 1) + CompletionRate(done: 0, due: 3)
        #expect(combined == CompletionRate(done: 1, due: 4))
        #expect(combined.percent() == 25)
        #expect([CompletionRate(done: 2, due: 4), .zero, CompletionRate(done: 1, due: 2)].reduce(.zero, +).percent() == 50)
    }
}
