/// What a compensation change pays. JSON: `merit`, `bonus`, `promotion`, `lump_sum`.
public enum CompensationChangeKind: String, Codable, Sendable, CaseIterable {
    /// A base salary increase; `new_base_salary` is set.
    case merit
    /// A one-off payment; the base salary is unchanged.
    case bonus
    /// A promotion increase; `new_base_salary` is set.
    case promotion
    /// A one-off payment of the part of a merit increase that would pass the band maximum; the
    /// base salary is unchanged.
    case lumpSum = "lump_sum"
}
