/// The kind of support an improvement plan offers. JSON: `training`, `mentoring`, `resources`.
public enum SupportKind: String, Codable, Sendable, CaseIterable {
    /// A course or training.
    case training
    /// A mentor or coach.
    case mentoring
    /// Tools, time, budget or material.
    case resources
}

/// One piece of support an improvement plan offers the employee.
public struct SupportOffer: Sendable, Hashable {
    /// Its kind. JSON: `kind`.
    public var kind: SupportKind
    /// What exactly, e.g. "Weekly pairing with a senior engineer". JSON: `detail`.
    public var detail: String

    /// Creates an offer.
    /// - Parameters:
    ///   - kind: its kind.
    ///   - detail: what exactly.
    public init(kind: SupportKind, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// The line ``ImprovementPlanStarted`` carries in `support_offered`: `kind: detail`,
    /// e.g. `mentoring: Weekly pairing with a senior engineer`.
    public var contractText: String { "\(kind.rawValue): \(detail)" }
}
