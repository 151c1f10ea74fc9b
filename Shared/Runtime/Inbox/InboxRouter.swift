import StrideContracts
import StridePostgres

/// Maps event types to the handlers a service runs for them, inside the inbox transaction.
///
/// Types without a handler are recorded as processed and otherwise ignored: a new event type
/// on a topic must never stop an older consumer.
///
/// A type may also be handled in batches (``onBatch(_:_:)``): consecutive events of that type in
/// a polled batch go to its handler together, so a wave of them (a period re-assessed at once)
/// costs a few set-based statements instead of a round trip each. Batches never reorder: an
/// event of another type in between ends the run, and runs follow the poll's order.
public struct InboxRouter: Sendable {
    /// Runs in the inbox transaction; throwing rolls the event back and retries it.
    public typealias Handler = @Sendable (InboxMessage, PostgresConnection) async throws -> Void
    /// Runs in the inbox transaction over a run of consecutive events of one type, in the order
    /// they were polled; throwing rolls the whole batch back, and the consumer then retries each
    /// event alone (so the handler also sees runs of one).
    public typealias BatchHandler = @Sendable ([InboxMessage], PostgresConnection) async throws -> Void

    /// One registered handler: per event or per run of events.
    private enum Entry: Sendable {
        case each(Handler)
        case batch(BatchHandler)

        var isBatch: Bool { if case .batch = self { true } else { false } }
    }

    private var handlers: [String: [Entry]] = [:]

    public init() {}

    /// Handles every event of `type` with `handler`; several handlers of one type run in the
    /// order they were added.
    public mutating func on<Event: StrideEvent>(
        _ type: Event.Type,
        _ handler: @escaping @Sendable (Event, InboxMessage, PostgresConnection) async throws -> Void
    ) {
        handlers[Event.eventType, default: []].append(.each { message, connection in
            try await handler(try message.decode(Event.self), message, connection)
        })
    }

    /// Handles runs of consecutive events of `type` with `handler`, each run in one call. When a
    /// type has several handlers, each runs over the whole run, in the order they were added.
    /// - Throws: from the handler, or `ContractError` when an event of the run does not decode
    ///   (the consumer then handles the run's events one by one and dead-letters that one).
    public mutating func onBatch<Event: StrideEvent>(
        _ type: Event.Type,
        _ handler: @escaping @Sendable ([(event: Event, message: InboxMessage)], PostgresConnection) async throws -> Void
    ) {
        handlers[Event.eventType, default: []].append(.batch { messages, connection in
            try await handler(try messages.map { (event: try $0.decode(Event.self), message: $0) }, connection)
        })
    }

    /// Adds every handler of `other`.
    public mutating func merge(_ other: InboxRouter) {
        for (type, list) in other.handlers { handlers[type, default: []].append(contentsOf: list) }
    }

    /// The event types this router handles.
    public var eventTypes: Set<String> { Set(handlers.keys) }

    /// Runs the handlers of `messages`, in order: one event at a time, or a run of consecutive
    /// events at a time for a type with a batch handler.
    func handle(_ messages: [InboxMessage], on connection: PostgresConnection) async throws {
        var start = messages.startIndex
        while start < messages.endIndex {
            let type = messages[start].metadata.type
            let entries = handlers[type] ?? []
            var end = start + 1
            if entries.contains(where: \.isBatch) {
                while end < messages.endIndex, messages[end].metadata.type == type { end += 1 }
            }
            let run = Array(messages[start..<end])
            for entry in entries {
                switch entry {
                case .each(let handler):
                    for message in run { try await handler(message, connection) }
                case .batch(let handler):
                    try await handler(run, connection)
                }
            }
            start = end
        }
    }
}
