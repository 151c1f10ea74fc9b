import Foundation
import StrideContracts
import StrideRuntime

/// When the run recommends someone for promotion: rated at or above `minimumRatingLevel` in at
/// least `requiredHighRatings` of their last `ofLastCycles` appraisal cycles (this one included
/// and rated high), with potential at least `minimumPotential`, and a next level on the ladder.
/// The proposal raises the salary by `increasePercent`. HR decides; nothing happens on its own.
public struct PromotionRule: Codable, Sendable, Hashable {
    public var minimumRatingLevel: Int
    public var requiredHighRatings: Int
    public var ofLastCycles: Int
    public var minimumPotential: TalentLevel
    @DecimalString public var increasePercent: Decimal
    /// Job levels from lowest to highest, e.g. `["L1", "L2", "L3"]`.
    public var levelLadder: [String]

    public init(
        minimumRatingLevel: Int, requiredHighRatings: Int = 2, ofLastCycles: Int = 3, minimumPotential: TalentLevel = .high,
        increasePercent: Decimal = 10, levelLadder: [String]
    ) {
        self.minimumRatingLevel = minimumRatingLevel
        self.requiredHighRatings = requiredHighRatings
        self.ofLastCycles = ofLastCycles
        self.minimumPotential = minimumPotential
        self.increasePercent = increasePercent
        self.levelLadder = levelLadder
    }

    /// The level above `level`, if the ladder has one.
    public func nextLevel(after level: String) -> String? {
        guard let index = levelLadder.firstIndex(of: level), index + 1 < levelLadder.count else { return nil }
        return levelLadder[index + 1]
    }

    /// Whether `history` (rating levels, newest first, this cycle's first) and `potential` qualify.
    public func qualifies(history: [Int], potential: TalentLevel) -> Bool {
        guard let latest = history.first, latest >= minimumRatingLevel else { return false }
        let high = history.prefix(ofLastCycles).filter { $0 >= minimumRatingLevel }.count
        return high >= requiredHighRatings && potential.rank >= minimumPotential.rank
    }

    func violations(field: String = "promotion") -> [IncentivesRuleViolation] {
        var found: [IncentivesRuleViolation] = []
        if !(1...10).contains(minimumRatingLevel) {
            found.append(IncentivesRuleViolation(.invalid, field: "\(field).minimum_rating_level", "A rating level is from 1 to 10."))
        }
        if !(1...10).contains(ofLastCycles) {
            found.append(IncentivesRuleViolation(.invalid, field: "\(field).of_last_cycles", "From 1 to 10 cycles."))
        }
        if requiredHighRatings < 1 || requiredHighRatings > ofLastCycles {
            found.append(IncentivesRuleViolation(
                .invalid, field: "\(field).required_high_ratings", "From 1 to of_last_cycles high ratings."))
        }
        if increasePercent < 0 || increasePercent > 100 || MoneyMath.truncate(increasePercent, places: 2) != increasePercent {
            found.append(IncentivesRuleViolation(.invalid, field: "\(field).increase_percent", "A percentage from 0 to 100, two decimals at most."))
        }
        FieldChecks.identifiers(levelLadder, field: "\(field).level_ladder", name: "job levels", minCount: 2, maxCount: 50, into: &found)
        return found
    }

    /// `minimum_rating_level` and `level_ladder` are required; the rest default as in ``init``
    /// (2 of the last 3 cycles, high potential, 10 %).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        minimumRatingLevel = try c.decode(Int.self, forKey: .minimumRatingLevel)
        requiredHighRatings = try c.decodeIfPresent(Int.self, forKey: .requiredHighRatings) ?? 2
        ofLastCycles = try c.decodeIfPresent(Int.self, forKey: .ofLastCycles) ?? 3
        minimumPotential = try c.decodeIfPresent(TalentLevel.self, forKey: .minimumPotential) ?? .high
        increasePercent = try c.decodeIfPresent(DecimalString.self, forKey: .increasePercent)?.wrappedValue ?? 10
        levelLadder = try c.decode([String].self, forKey: .levelLadder)
    }

    enum CodingKeys: String, CodingKey {
        case minimumRatingLevel = "minimum_rating_level"
        case requiredHighRatings = "required_high_ratings"
        case ofLastCycles = "of_last_cycles"
        case minimumPotential = "minimum_potential"
        case increasePercent = "increase_percent"
        case levelLadder = "level_ladder"
    }
}

extension TalentLevel {
    /// low 1, moderate 2, high 3.
    var rank: Int {
        switch self {
        case .low: 1
        case .moderate: 2
        case .high: 3
        }
    }
}
