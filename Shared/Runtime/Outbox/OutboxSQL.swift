import Foundation
import StrideContracts

/// SQL for bulk steps that write their events straight into the outbox with one
/// `INSERT … SELECT` — no round trip per row and no JSON encoding in Swift — in the same
/// spelling ``Outbox`` and ``EventCodec`` use for events built in Swift.
///
/// A step using it builds each payload with ``SQLJSONObject`` in the contracts' JSON and
/// proves, in its tests, that every row it writes decodes to the event Swift would build from
/// the same record. Each row's event id must be a `gen_random_uuid()` in the select list of a
/// subquery: a volatile call in an uncorrelated `LATERAL` may be evaluated once for all rows.
/// The caller wakes the relay (`pg_notify` on ``Outbox/channel``) after its statements.
public enum OutboxSQL {
    /// The CloudEvents headers as ``EventCodec`` writes them, in its order, as a `json`
    /// expression for the outbox's `headers` column: constant text around the id and the subject,
    /// concatenated (building them with `jsonb_build_array` took 2.9 s per 300,000 rows, this
    /// 0.6 s).
    /// - Parameters:
    ///   - source: `ce_source`, e.g. `/stride/appraisal`.
    ///   - type: `ce_type`.
    ///   - ceTime: `ce_time`, from ``ceTime(_:)``.
    ///   - id: the SQL expression of the event id (a `uuid`).
    ///   - subject: the SQL expression of `ce_subject` (the event's partition key).
    public static func headers(source: String, type: String, ceTime: String, id: String, subject: String) -> String {
        func pair(_ name: String, _ value: String) -> String {
            var json = JSONTextWriter(capacity: 64)
            json.beginArray()
            json.string(name)
            json.string(value)
            json.endArray()
            return json.text
        }
        let beforeID = "[" + pair(EventHeader.specVersionName, EventHeader.specVersion) + ",[\"\(EventHeader.idName)\",\""
        let beforeSubject = "\"]," + pair(EventHeader.sourceName, source) + "," + pair(EventHeader.typeName, type) + ","
            + pair(EventHeader.timeName, ceTime) + ",[\"\(EventHeader.subjectName)\","
        let end = "]," + pair(EventHeader.contentTypeName, EventHeader.jsonContentType) + "]"
        return "(\(literal(beforeID)) || (\(id))::text || \(literal(beforeSubject)) || to_json((\(subject))::text)::text || \(literal(end)))::json"
    }

    /// `ce_time` as ``EventCodec`` writes it (RFC 3339, milliseconds, UTC).
    public static func ceTime(_ time: Date) -> String {
        EventCodec.headers(for: EventMetadata(id: .random(), source: "/", type: "-", time: time))
            .first { $0.name == EventHeader.timeName }?.value ?? ""
    }

    /// A SQL string literal of text the service itself chose (a source, a type, a time).
    public static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
