import StrideContracts
import StrideRuntime

/// The order of a review cycle's phases and what each allows. A cycle moves one phase at a time
/// — self review, nominations, peer reviews, manager review, calibration, feedback, closed — and
/// never back: ratings are calibrated against reviews that can no longer change.
public enum CyclePhases {
    /// The phase after `phase`, `nil` after `closed`.
    /// - Parameter phase: the current phase.
    public static func next(after phase: CyclePhase) -> CyclePhase? {
        let all = CyclePhase.allCases
        guard let index = all.firstIndex(of: phase), index + 1 < all.endIndex else { return nil }
        return all[index + 1]
    }

    /// Checks a phase change: only to the immediately next phase.
    /// - Parameters:
    ///   - current: the cycle's phase.
    ///   - target: the phase asked for.
    /// - Throws: ``AppraisalRuleViolation`` `.conflict` naming both phases otherwise (a closed
    ///   cycle moves nowhere).
    public static func advance(from current: CyclePhase, to target: CyclePhase) throws {
        guard let next = next(after: current) else {
            throw AppraisalRuleViolation(
                .conflict, "The cycle is \(current.rawValue); it cannot move to \(target.rawValue) or any other phase.")
        }
        guard target == next else {
            throw AppraisalRuleViolation(
                .conflict,
                "The cycle is in \(current.rawValue); it moves on to \(next.rawValue) only, not to \(target.rawValue).")
        }
    }

    /// Whether a reviewer of `group` may save or submit a review in `phase`: self reviews from
    /// self review to peer reviews; peer, upward and external reviews from nominations to peer
    /// reviews; the manager's from self review to manager review. Never from calibration on.
    /// - Parameters:
    ///   - group: the reviewer's rater group.
    ///   - phase: the cycle's phase.
    public static func canSubmitReview(of group: RaterGroup, in phase: CyclePhase) -> Bool {
        switch group {
        case .selfReview: phase.isBetween(.selfReview, .peerReviews)
        case .peer, .directReport, .external: phase.isBetween(.nominations, .peerReviews)
        case .manager: phase.isBetween(.selfReview, .managerReview)
        }
    }

    /// Whether peers, reports and external raters may be nominated: in nominations only.
    /// - Parameter phase: the cycle's phase.
    public static func canNominate(in phase: CyclePhase) -> Bool {
        phase == .nominations
    }

    /// Whether appraisals may be scored and ratings proposed: in manager review and calibration.
    /// - Parameter phase: the cycle's phase.
    public static func isScoringOpen(_ phase: CyclePhase) -> Bool {
        phase == .managerReview || phase == .calibration
    }

    /// Whether calibration may adjust ratings: in calibration only.
    /// - Parameter phase: the cycle's phase.
    public static func canCalibrate(in phase: CyclePhase) -> Bool {
        phase == .calibration
    }

    /// Whether results are released to employees: in feedback and once closed.
    /// - Parameter phase: the cycle's phase.
    public static func isReleased(_ phase: CyclePhase) -> Bool {
        phase == .feedback || phase == .closed
    }
}

extension CyclePhase {
    /// The phase's position in the cycle, 0 for self review.
    var order: Int { CyclePhase.allCases.firstIndex(of: self) ?? 0 }

    /// Whether the phase is `first`, `last` or between them.
    func isBetween(_ first: CyclePhase, _ last: CyclePhase) -> Bool {
        (first.order...last.order).contains(order)
    }
}
