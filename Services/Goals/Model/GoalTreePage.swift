import Foundation

/// One page of a goal's subtree, breadth first: `{"items": [...], "next_cursor": "…",
/// "truncated": true, "rolled_up_complete": true}`.
public struct GoalTreeNodePage: Sendable, Encodable {
    /// The nodes of this page, by depth, then oldest first.
    public var items: [GoalTreeNode]
    /// Where the next page starts; nil when no visible node within the depth follows.
    public var nextCursor: String?
    /// Whether the answer is cut: more visible nodes follow (see ``nextCursor``), or the subtree
    /// is larger than the goals one request reads (then ``rolledUpComplete`` is false too).
    public var truncated: Bool
    /// Whether the rolled-up progress counts every goal below; false when the subtree has more
    /// goals than one request reads, and only the nearest levels were rolled up.
    public var rolledUpComplete: Bool

    public init(items: [GoalTreeNode], nextCursor: String?, truncated: Bool, rolledUpComplete: Bool) {
        self.items = items
        self.nextCursor = nextCursor
        self.truncated = truncated
        self.rolledUpComplete = rolledUpComplete
    }

    enum CodingKeys: String, CodingKey {
        case items
        case nextCursor = "next_cursor"
        case truncated
        case rolledUpComplete = "rolled_up_complete"
    }
}
