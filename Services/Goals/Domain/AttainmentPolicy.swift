import Foundation

/// The bounds every attainment percentage is held to: a floor (so a bad start never goes
/// negative, or so a plan can guarantee a minimum) and a cap (so one runaway goal cannot
/// dominate an employee's weighted total).
public struct AttainmentPolicy: Sendable, Equatable {
    /// The lowest attainment a goal can score, in percent; 0 by default.
    public var floorPercent: Decimal
    /// The highest attainment a goal can score, in percent; 150 by default.
    public var capPercent: Decimal

    /// Creates a policy from trusted values.
    /// - Parameters:
    ///   - floorPercent: the lowest score, in percent.
    ///   - capPercent: the highest score, in percent.
    /// - Important: Traps when `floorPercent > capPercent`; use ``validated(floor:cap:)`` for configuration input.
    public init(floorPercent: Decimal = 0, capPercent: Decimal = 150) {
        precondition(floorPercent <= capPercent, "attainment floor \(floorPercent) is above the cap \(capPercent)")
        self.floorPercent = floorPercent
        self.capPercent = capPercent
    }

    /// A policy from untrusted configuration input.
    /// - Parameters:
    ///   - floor: the lowest score, in percent; at least 0.
    ///   - cap: the highest score, in percent; at least `floor`.
    /// - Throws: ``GoalRuleViolation/Code/invalidField`` (field `floor_percent` or `cap_percent`) when
    ///   a value is not a number, the floor is negative or the floor is above the cap.
    public static func validated(floor: Decimal, cap: Decimal) throws(GoalRuleViolation) -> AttainmentPolicy {
        guard !floor.isNaN, floor >= 0 else {
            throw GoalRuleViolation(
                .invalidField, field: "floor_percent", "The attainment floor must be a number of at least 0.")
        }
        guard !cap.isNaN, floor <= cap else {
            throw GoalRuleViolation(
                .invalidField, field: "cap_percent",
                "The attainment cap must be at least the floor (\(floor)).")
        }
        return AttainmentPolicy(floorPercent: floor, capPercent: cap)
    }

    /// The usual policy: floor 0 %, cap 150 %.
    public static let standard = AttainmentPolicy()

    /// `percent` held to [floor, cap]. Does not round: callers round once, at the end of their computation.
    /// - Parameter percent: a raw attainment in percent.
    public func clamp(_ percent: Decimal) -> Decimal {
        min(max(percent, floorPercent), capPercent)
    }
}
