/// One Kafka record header as a UTF-8 name and value.
///
/// CloudEvents' Kafka binding puts every context attribute in a `ce_`-prefixed header.
public struct EventHeader: Sendable, Hashable {
    /// The header name, e.g. `ce_type`.
    public var name: String
    /// The header value, e.g. `stride.goals.goal.created.v1`.
    public var value: String

    /// Creates a header.
    /// - Parameters:
    ///   - name: the header name.
    ///   - value: the header value.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension EventHeader {
    /// `ce_specversion`: always `1.0`.
    public static let specVersionName = "ce_specversion"
    /// `ce_id`: the event id, a UUID; consumers deduplicate on it.
    public static let idName = "ce_id"
    /// `ce_source`: the producing service, e.g. `/stride/goals`.
    public static let sourceName = "ce_source"
    /// `ce_type`: the event type, e.g. `stride.goals.goal.created.v1`.
    public static let typeName = "ce_type"
    /// `ce_time`: when the event happened, RFC 3339 UTC with milliseconds.
    public static let timeName = "ce_time"
    /// `ce_subject`: the employee, org unit or metric the event is about.
    public static let subjectName = "ce_subject"
    /// `content-type`: always `application/json`.
    public static let contentTypeName = "content-type"
    /// `traceparent`: the W3C Trace Context parent, when tracing.
    public static let traceparentName = "traceparent"
    /// The only CloudEvents version Stride speaks.
    public static let specVersion = "1.0"
    /// The payload media type.
    public static let jsonContentType = "application/json"
}
