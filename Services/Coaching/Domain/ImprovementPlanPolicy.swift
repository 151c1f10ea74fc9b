/// The configurable limits of improvement plans.
public struct ImprovementPlanPolicy: Sendable, Hashable {
    /// How many times a plan may be extended by default.
    public static let defaultMaxExtensions = 1
    /// The longest a plan may run by default, start to (extended) end, in days.
    public static let defaultMaxPlanDays = 365

    /// How many times a plan may be extended; 0 forbids extensions.
    public var maxExtensions: Int
    /// The longest a plan may run, start to (extended) end, in days.
    public var maxPlanDays: Int

    /// Creates a policy.
    /// - Parameters:
    ///   - maxExtensions: extensions allowed; negative counts as 0.
    ///   - maxPlanDays: the longest a plan runs; at least 1.
    public init(
        maxExtensions: Int = ImprovementPlanPolicy.defaultMaxExtensions,
        maxPlanDays: Int = ImprovementPlanPolicy.defaultMaxPlanDays
    ) {
        self.maxExtensions = max(0, maxExtensions)
        self.maxPlanDays = max(1, maxPlanDays)
    }

    /// The defaults: one extension, a year at most.
    public static let standard = ImprovementPlanPolicy()
}
