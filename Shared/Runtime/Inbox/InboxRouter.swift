import StrideContracts
import StridePostgres

/// Maps event types to the handlers a service runs for them, inside the inbox transaction.
///
/// Types without a handler are recorded as processed and otherwise ignored: a new event type
/// on a topic must never stop an older consumer.
public struct InboxRouter: Sendable {
    /// Runs in the inbox transaction; throwing rolls the event back and retries it.
    public typealias Handler = @Sendable (InboxMessage, PostgresConnection) async throws -> Void

    private var handlers: [String: [Handler]] = [:]

    public init() {}

    /// Handles every event of `type` with `handler`; several handlers of one type run in the
    /// order they were added.
    public mutating func on<Event: StrideEvent>(
        _ type: Event.Type,
        _ handler: @escaping @Sendable (Event, InboxMessage, PostgresConnection) async throws -> Void
    ) {
        handlers[Event.eventType, default: []].append { message, connection in
            try await handler(try message.decode(Event.self), message, connection)
        }
    }

    /// Adds every handler of `other`.
    public mutating func merge(_ other: InboxRouter) {
        for (type, list) in other.handlers { handlers[type, default: []].append(contentsOf: list) }
    }

    /// The event types this router handles.
    public var eventTypes: Set<String> { Set(handlers.keys) }

    func handle(_ message: InboxMessage, on connection: PostgresConnection) async throws {
        for handler in handlers[message.metadata.type] ?? [] {
            try await handler(message, connection)
        }
    }
}
