/// A payload of Stride's public event API.
///
/// Every conforming type is one CloudEvents `type` (``eventType``) on one topic (``topic``).
/// Conformers declare explicit snake_case `CodingKeys`, so the JSON field names never depend
/// on a Swift property name or on an encoder setting.
///
/// - Important: The bytes of a published type are a contract. Adding an optional field is
///   compatible (consumers ignore unknown fields); renaming, removing, retyping a field or
///   adding an enum case is breaking and needs a new `…v2` type.
public protocol StrideEvent: Codable, Sendable, Equatable {
    /// The CloudEvents `type`, `<area>.<entity>.<verb-past>.v<N>`, e.g. `stride.goals.goal.created.v1`.
    static var eventType: String { get }
    /// The topic that carries this event.
    static var topic: StrideTopic { get }
    /// The Kafka message key: the employee, org unit or metric this event is about, so that all
    /// events about one of them stay ordered in one partition.
    var partitionKey: String { get }
    /// The CloudEvents `subject` (`ce_subject`): the id of the employee, org unit or metric the
    /// event is about.
    var subject: String { get }
}

extension StrideEvent {
    /// By default the subject is the partition key.
    public var subject: String { partitionKey }
}
