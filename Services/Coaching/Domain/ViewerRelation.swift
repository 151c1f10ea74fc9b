/// How the person looking at a coaching record stands to it, worked out by the access layer
/// from the token and the org projection. A viewer may hold several relations at once (a
/// manager who wrote a note about their report is both ``author`` and ``directManager``);
/// the visibility rules ask only whether a relation is present.
public struct ViewerRelation: OptionSet, Sendable, Hashable {
    public let rawValue: Int

    /// Creates a set of relations from its bits; prefer the static members.
    /// - Parameter rawValue: the bits.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// The viewer wrote or gave the record (a note's author, a feedback giver, an evidence author).
    public static let author = ViewerRelation(rawValue: 1 << 0)
    /// The viewer is the employee the record is about (a feedback recipient, the report in a 1:1).
    public static let subject = ViewerRelation(rawValue: 1 << 1)
    /// The viewer is the subject's direct manager.
    public static let directManager = ViewerRelation(rawValue: 1 << 2)
    /// The viewer is anywhere in the subject's reporting line (the direct manager or above).
    /// - Important: the access layer sets this for the direct manager too.
    public static let reportingLine = ViewerRelation(rawValue: 1 << 3)
    /// The viewer holds the HR role.
    public static let hr = ViewerRelation(rawValue: 1 << 4)

    /// No relation at all: someone else in the company.
    public static let none: ViewerRelation = []
}
