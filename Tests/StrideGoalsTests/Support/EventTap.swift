import StrideContracts
import StrideTestSupport

/// Reads `stride.goals.v1` from its end at the time the tap starts and keeps the events one
/// test service emitted (source `/stride/<schema>`): the shared ``TopicTap`` on the goals topic.
enum EventTap {
    static func start(schema: String) async throws -> TopicTap {
        try await TopicTap.start(topic: StrideTopic.goals.rawValue, source: "/stride/\(schema)")
    }
}
