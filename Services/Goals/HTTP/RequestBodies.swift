import Foundation
import StrideContracts
import StrideRuntime

/// `{"comment": "…"}` for submit and approve; `{"reason": "…"}` for return and transitions.
struct CommentBody: Decodable {
    var comment: String?
    var reason: String?

    static func decode(_ body: Data) throws -> CommentBody {
        body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
            ? CommentBody() : try StrideJSONRequestDecoder.decode(CommentBody.self, from: body)
    }

    init(comment: String? = nil, reason: String? = nil) {
        self.comment = comment
        self.reason = reason
    }
}

/// `{"action": "activate" | "complete" | "cancel", "reason": "…"}`.
struct TransitionBody: Decodable {
    var action: GoalAction
    var reason: String?
}
