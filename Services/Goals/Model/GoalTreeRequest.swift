import Hummingbird
import StrideRuntime

/// What part of a goal's subtree a request asks for: `?max_depth=2&limit=200&cursor=…`.
public struct GoalTreeRequest: Sendable, Equatable {
    /// Levels below the root when the client does not say.
    public static let defaultDepth = 10
    /// The deepest a client may ask for.
    public static let maxDepth = 64
    /// Nodes per answer when the client does not say.
    public static let defaultLimit = 200
    /// The most nodes a client may ask for.
    public static let maxLimit = 1_000

    /// Nodes deeper than this below the root are left out (they still roll up).
    public var depth: Int
    /// The most nodes to answer with.
    public var limit: Int
    /// Where to continue: after this depth and goal id; nil for the first page.
    public var after: Position?

    /// A node's place in the breadth-first order, as a page cursor holds it.
    public struct Position: Sendable, Codable, Equatable, Comparable {
        public var depth: Int
        public var goalID: String

        public init(depth: Int, goalID: String) {
            self.depth = depth
            self.goalID = goalID
        }

        enum CodingKeys: String, CodingKey {
            case depth
            case goalID = "goal_id"
        }

        public static func < (lhs: Position, rhs: Position) -> Bool {
            (lhs.depth, lhs.goalID) < (rhs.depth, rhs.goalID)
        }
    }

    public init(depth: Int = defaultDepth, limit: Int = defaultLimit, after: Position? = nil) {
        self.depth = depth
        self.limit = limit
        self.after = after
    }

    /// Reads `max_depth`, `limit` and `cursor` from the query string.
    /// - Throws: 400 naming `max_depth`, `limit` or `cursor` when out of range or malformed.
    public init(from request: Request) throws(Problem) {
        let query = request.uri.queryParameters
        var depth = Self.defaultDepth
        if let text = query["max_depth"] {
            guard let value = Int(String(text)), (0...Self.maxDepth).contains(value) else {
                throw Problem.validation(field: "max_depth", "Use a whole number from 0 to \(Self.maxDepth).")
            }
            depth = value
        }
        var limit = Self.defaultLimit
        if let text = query["limit"] {
            guard let value = Int(String(text)), (1...Self.maxLimit).contains(value) else {
                throw Problem.validation(field: "limit", "Use a whole number from 1 to \(Self.maxLimit).")
            }
            limit = value
        }
        var after: Position?
        if let cursor = query["cursor"] {
            after = try PageCursor.decode(String(cursor), as: Position.self)
        }
        self.init(depth: depth, limit: limit, after: after)
    }
}
