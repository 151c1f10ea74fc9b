import Foundation
import StrideContracts
import StrideRuntime
import Testing

@testable import StrideIncentives

/// Helpers shared by the pure domain suites (`Incentives domain: …`), namespaced so they never
/// collide with the service suites' helpers in the same test target.
enum DomainFixtures {
    /// A decimal from exact text; traps on a typo in a test.
    static func dec(_ text: String) -> Decimal {
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), !value.isNaN else {
            fatalError("bad test decimal \(text)")
        }
        return value
    }

    /// `units × 10^-places`, built exactly (no division, no binary float).
    static func minor(_ units: Int, places: Int) -> Decimal {
        Decimal(sign: units < 0 ? .minus : .plus, exponent: -places, significand: Decimal(abs(units)))
    }

    /// A date from `YYYY-MM-DD`; traps on a typo in a test.
    static func day(_ text: String) -> CalendarDate {
        guard let date = CalendarDate(text) else { fatalError("bad test date \(text)") }
        return date
    }

    /// A cell range from exact texts.
    static func range(_ minimum: String, _ guideline: String, _ maximum: String) -> MeritRange {
        MeritRange(minimumPercent: dec(minimum), guidelinePercent: dec(guideline), maximumPercent: dec(maximum))
    }

    /// A complete matrix for `levels`: level `l` and zone index `z` (0 = below minimum … 5 = above
    /// maximum) get minimum `l + 0.25`, guideline `l + 1`, maximum `l + 2 - z/10` — every cell
    /// distinct, so a lookup that picks the wrong cell shows.
    static func cells(levels: ClosedRange<Int> = 1...5) -> [MeritMatrix.Cell] {
        levels.flatMap { level in
            SalaryZone.allCases.enumerated().map { index, zone in
                MeritMatrix.Cell(
                    ratingLevel: level, zone: zone,
                    range: MeritRange(
                        minimumPercent: Decimal(level) + dec("0.25"), guidelinePercent: Decimal(level + 1),
                        maximumPercent: Decimal(level + 2) - minor(index, places: 1)))
            }
        }
    }

    /// `kind:field` of each violation, for exact comparisons (the kind is not `Equatable`).
    static func summary(_ violations: [IncentivesRuleViolation]) -> [String] {
        violations.map { "\($0.kind):\($0.field ?? "-")" }
    }

    /// JSON with sorted keys, as text.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Decodes `T` from JSON text.
    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

/// A deterministic pseudo-random generator (64-bit LCG, Knuth's MMIX constants): the property
/// tests replay the same departments on every run and every machine.
struct DomainLCG {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The next 31 high-quality bits.
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }

    /// A number in `bounds`.
    mutating func int(_ bounds: ClosedRange<Int>) -> Int {
        bounds.lowerBound + Int(next() % UInt64(bounds.count))
    }
}
