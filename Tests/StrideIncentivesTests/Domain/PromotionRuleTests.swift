import Foundation
import StrideContracts
import Testing

@testable import StrideIncentives

@Suite("Incentives domain: promotion rule")
struct PromotionRuleDomainTests {
    typealias F = DomainFixtures

    /// High means 4 or more; two of the last three cycles; potential high; L1 → L2 → L3.
    let rule = PromotionRule(minimumRatingLevel: 4, levelLadder: ["L1", "L2", "L3"])

    @Test("the defaults: two high ratings of the last three, high potential, 10 %")
    func defaults() {
        #expect(rule.requiredHighRatings == 2)
        #expect(rule.ofLastCycles == 3)
        #expect(rule.minimumPotential == .high)
        #expect(rule.increasePercent == 10)
    }

    @Test(
        "two high ratings of the last three, this one included, with high potential qualify",
        arguments: [[4, 3, 5], [5, 4, 1], [4, 4], [4, 4, 4], [5, 1, 5], [4, 4, 1, 1, 1]])
    func qualifies(history: [Int]) {
        #expect(rule.qualifies(history: history, potential: .high))
    }

    @Test(
        "one high rating in the last three is not enough, nor are high ratings outside the window",
        arguments: [[4, 3, 3], [4], [4, 1, 1, 5, 5], [5, 3]])
    func tooFewHigh(history: [Int]) {
        #expect(!rule.qualifies(history: history, potential: .high))
    }

    @Test("this cycle's rating must itself be high", arguments: [[3, 5, 5], [1, 4, 4], [3, 4, 4, 4]])
    func latestNotHigh(history: [Int]) {
        #expect(!rule.qualifies(history: history, potential: .high))
    }

    @Test("no history never qualifies")
    func noHistory() {
        #expect(!rule.qualifies(history: [], potential: .high))
    }

    @Test("potential below the minimum does not qualify; at or above it does")
    func potential() {
        #expect(!rule.qualifies(history: [5, 5, 5], potential: .moderate))
        #expect(!rule.qualifies(history: [5, 5, 5], potential: .low))
        let moderate = PromotionRule(minimumRatingLevel: 4, minimumPotential: .moderate, levelLadder: ["L1", "L2"])
        #expect(moderate.qualifies(history: [4, 4], potential: .moderate))
        #expect(moderate.qualifies(history: [4, 4], potential: .high))
        #expect(!moderate.qualifies(history: [4, 4], potential: .low))
        #expect(TalentLevel.low.rank < TalentLevel.moderate.rank && TalentLevel.moderate.rank < TalentLevel.high.rank)
    }

    @Test("one required of the last one: the latest high rating alone decides")
    func oneOfOne() {
        let single = PromotionRule(minimumRatingLevel: 5, requiredHighRatings: 1, ofLastCycles: 1, levelLadder: ["A", "B"])
        #expect(single.qualifies(history: [5], potential: .high))
        #expect(single.qualifies(history: [5, 1, 1], potential: .high))
        #expect(!single.qualifies(history: [4, 5, 5], potential: .high))
    }

    @Test("the next level is the one above on the ladder; the top and unknown levels have none")
    func nextLevel() {
        #expect(rule.nextLevel(after: "L1") == "L2")
        #expect(rule.nextLevel(after: "L2") == "L3")
        #expect(rule.nextLevel(after: "L3") == nil)
        #expect(rule.nextLevel(after: "L9") == nil)
        #expect(rule.nextLevel(after: "l1") == nil)
        #expect(PromotionRule(minimumRatingLevel: 4, levelLadder: []).nextLevel(after: "L1") == nil)
    }

    @Test("a sound rule has no violations")
    func valid() {
        #expect(rule.violations().isEmpty)
        #expect(PromotionRule(minimumRatingLevel: 10, requiredHighRatings: 10, ofLastCycles: 10, increasePercent: 0, levelLadder: ["a", "b"]).violations().isEmpty)
        #expect(PromotionRule(minimumRatingLevel: 1, requiredHighRatings: 1, ofLastCycles: 1, increasePercent: 100, levelLadder: ["a", "b"]).violations().isEmpty)
    }

    @Test("more required high ratings than cycles looked at is invalid on required_high_ratings")
    func requiredAboveWindow() {
        let broken = PromotionRule(minimumRatingLevel: 4, requiredHighRatings: 4, ofLastCycles: 3, levelLadder: ["L1", "L2"])
        #expect(F.summary(broken.violations()) == ["invalid:promotion.required_high_ratings"])
        let none = PromotionRule(minimumRatingLevel: 4, requiredHighRatings: 0, levelLadder: ["L1", "L2"])
        #expect(F.summary(none.violations()) == ["invalid:promotion.required_high_ratings"])
    }

    @Test("a job level twice on the ladder is invalid on that entry; a one-level ladder on the ladder")
    func ladder() {
        let twice = PromotionRule(minimumRatingLevel: 4, levelLadder: ["L1", "L2", "L1"])
        #expect(F.summary(twice.violations()) == ["invalid:promotion.level_ladder[2]"])
        #expect(F.summary(PromotionRule(minimumRatingLevel: 4, levelLadder: ["L1"]).violations()) == ["invalid:promotion.level_ladder"])
        #expect(F.summary(PromotionRule(minimumRatingLevel: 4, levelLadder: ["L1", " "]).violations()) == ["invalid:promotion.level_ladder[1]"])
        let tooLong = PromotionRule(minimumRatingLevel: 4, levelLadder: (1...51).map { "L\($0)" })
        #expect(F.summary(tooLong.violations()) == ["invalid:promotion.level_ladder"])
    }

    @Test("levels, cycles and the increase out of range are invalid on their fields, all at once")
    func ranges() {
        #expect(F.summary(PromotionRule(minimumRatingLevel: 0, levelLadder: ["a", "b"]).violations()) == ["invalid:promotion.minimum_rating_level"])
        #expect(F.summary(PromotionRule(minimumRatingLevel: 11, levelLadder: ["a", "b"]).violations()) == ["invalid:promotion.minimum_rating_level"])
        #expect(
            F.summary(PromotionRule(minimumRatingLevel: 4, requiredHighRatings: 1, ofLastCycles: 11, levelLadder: ["a", "b"]).violations())
                == ["invalid:promotion.of_last_cycles"])
        #expect(
            F.summary(PromotionRule(minimumRatingLevel: 4, ofLastCycles: 0, levelLadder: ["a", "b"]).violations())
                == ["invalid:promotion.of_last_cycles", "invalid:promotion.required_high_ratings"])
        for bad in ["-1", "100.01", "10.125"] {
            #expect(
                F.summary(PromotionRule(minimumRatingLevel: 4, increasePercent: F.dec(bad), levelLadder: ["a", "b"]).violations())
                    == ["invalid:promotion.increase_percent"], "\(bad)")
        }
        #expect(
            F.summary(PromotionRule(minimumRatingLevel: 0, requiredHighRatings: 5, increasePercent: -1, levelLadder: []).violations())
                == ["invalid:promotion.minimum_rating_level", "invalid:promotion.required_high_ratings", "invalid:promotion.increase_percent",
                    "invalid:promotion.level_ladder"])
        #expect(F.summary(PromotionRule(minimumRatingLevel: 4, levelLadder: ["a", "b"]).violations(field: "plan.promotion")).isEmpty)
        #expect(
            F.summary(PromotionRule(minimumRatingLevel: 0, levelLadder: ["a", "b"]).violations(field: "plan.promotion"))
                == ["invalid:plan.promotion.minimum_rating_level"])
    }

    @Test("the rule round-trips through JSON with snake-case keys and the increase as a string")
    func codable() throws {
        let text = #"{"increase_percent":"12.5","level_ladder":["L1","L2","L3"],"minimum_potential":"moderate","minimum_rating_level":4,"of_last_cycles":3,"required_high_ratings":2}"#
        let decoded = try F.decode(PromotionRule.self, text)
        #expect(decoded == PromotionRule(minimumRatingLevel: 4, minimumPotential: .moderate, increasePercent: F.dec("12.5"), levelLadder: ["L1", "L2", "L3"]))
        #expect(try F.json(decoded) == text)
        #expect(throws: DecodingError.self) {
            try F.decode(PromotionRule.self, text.replacingOccurrences(of: #""12.5""#, with: "12.5"))
        }
        #expect(throws: DecodingError.self) {
            try F.decode(PromotionRule.self, text.replacingOccurrences(of: #""moderate""#, with: #""medium""#))
        }
    }
}
