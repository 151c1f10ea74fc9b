/// A domain rule broken by a request: an impossible workflow step, weights that do not add up,
/// a malformed definition, a cycle in the goal tree.
///
/// The HTTP layer maps it to a 4xx `application/problem+json` response, so ``message`` is
/// written for the person who made the request and ``field`` names the JSON field to fix.
public struct GoalRuleViolation: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which rule was broken; compare with the static members. The raw value is a stable
    /// snake_case name for problem documents, logs and metrics.
    public struct Code: RawRepresentable, Hashable, Sendable {
        /// The stable snake_case name, e.g. `invalid_transition`.
        public let rawValue: String

        /// Wraps a name; prefer the static members.
        /// - Parameter rawValue: the snake_case name.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The workflow does not allow this action from the goal's current status.
        public static let invalidTransition = Code(rawValue: "invalid_transition")
        /// An owner's goal weights (or an objective's key-result weights) do not sum to exactly 100.
        public static let weightsDoNotSumTo100 = Code(rawValue: "weights_do_not_sum_to_100")
        /// A weight is not in (0, 100] or has more than 2 decimal places.
        public static let invalidWeight = Code(rawValue: "invalid_weight")
        /// Aligning the goal under the parent would make the goal tree loop.
        public static let alignmentCycle = Code(rawValue: "alignment_cycle")
        /// The parent goal belongs to a different goal period.
        public static let crossPeriodParent = Code(rawValue: "cross_period_parent")
        /// A date range is backwards or too long.
        public static let invalidDates = Code(rawValue: "invalid_dates")
        /// A period does not fit inside its parent period, or that kind cannot nest in that parent.
        public static let periodNotNested = Code(rawValue: "period_not_nested")
        /// A KPI measure or key result cannot be scored as written (no unit, wrong direction, no bounds…).
        public static let invalidMeasure = Code(rawValue: "invalid_measure")
        /// A field is missing, too long or refers to nothing.
        public static let invalidField = Code(rawValue: "invalid_field")
        /// The goal period is closed; its goals can no longer change.
        public static let periodClosed = Code(rawValue: "period_closed")
        /// The goal is frozen (finalized or no longer editable) and cannot change.
        public static let goalFrozen = Code(rawValue: "goal_frozen")
    }

    /// Which rule was broken.
    public var code: Code
    /// The JSON field it concerns, e.g. `weight`, `ends_on`, `key_results[1].weight`; `nil`
    /// when it concerns the request as a whole.
    public var field: String?
    /// A sentence a user can act on, e.g. "Weights sum to 90; they must sum to 100."
    public var message: String

    /// Creates a violation.
    /// - Parameters:
    ///   - code: which rule was broken.
    ///   - field: the JSON field concerned, if any.
    ///   - message: a sentence a user can act on.
    public init(_ code: Code, field: String? = nil, _ message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    /// The message, safe to show a user.
    public var description: String { message }
}
