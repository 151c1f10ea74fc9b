import Foundation

/// The CloudEvents context of one event, carried in Kafka headers.
public struct EventMetadata: Sendable, Equatable {
    /// `ce_id`: unique per event; consumers record it in their inbox to process each event once.
    public var id: UUID
    /// `ce_source`: the producer, e.g. `/stride/goals`.
    public var source: String
    /// `ce_type`: the event type, e.g. `stride.goals.goal.created.v1`.
    public var type: String
    /// `ce_time`: when the event happened (millisecond precision on the wire).
    public var time: Date
    /// `ce_subject`: the employee, org unit or metric the event is about.
    public var subject: String?
    /// The W3C `traceparent`, when the producer was tracing.
    public var traceparent: String?

    /// Creates event metadata.
    /// - Parameters:
    ///   - id: the event id.
    ///   - source: the producer, e.g. `/stride/goals`.
    ///   - type: the event type.
    ///   - time: when the event happened.
    ///   - subject: what the event is about.
    ///   - traceparent: the W3C trace parent.
    public init(
        id: UUID, source: String, type: String, time: Date, subject: String? = nil, traceparent: String? = nil
    ) {
        self.id = id
        self.source = source
        self.type = type
        self.time = time
        self.subject = subject
        self.traceparent = traceparent
    }
}
