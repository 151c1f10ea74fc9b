/// What a compensation change pays. JSON: `merit`, `bonus`, `promotion`.
public enum CompensationChangeKind: String, Codable, Sendable, CaseIterable {
    /// A base salary increase; `new_base_salary` is set.
    case merit
    /// A one-off payment; the base salary is unchanged.
    case bonus
    /// A promotion increase; `new_base_salary` is set.
    case promotion
}
