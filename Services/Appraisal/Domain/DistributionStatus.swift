/// How a level's actual share compares with its guideline. JSON: `within`, `above`, `below`.
public enum DistributionStatus: String, Codable, Sendable, CaseIterable {
    /// Within target ∓ tolerance, edges included.
    case within
    /// More of the population than the upper limit.
    case above
    /// Less of the population than the lower limit.
    case below
}
