/// One `NOTIFY` message.
public struct PostgresNotification: Sendable, Hashable {
    /// The channel it was sent on.
    public var channel: String
    /// The payload (empty when none was given).
    public var payload: String
    /// The process id of the notifying backend.
    public var processID: Int32

    /// Creates a notification value.
    public init(channel: String, payload: String, processID: Int32 = 0) {
        self.channel = channel
        self.payload = payload
        self.processID = processID
    }
}

/// The notifications of one ``PostgresPool/listen(_:)`` call, in the order the server sent them.
/// Ends when the consuming task is cancelled or the pool closes.
public struct PostgresNotifications: AsyncSequence, Sendable {
    public typealias Element = PostgresNotification
    let stream: AsyncThrowingStream<PostgresNotification, any Error>

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: stream.makeAsyncIterator())
    }

    /// Iterates the notifications.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<PostgresNotification, any Error>.AsyncIterator
        public mutating func next() async throws -> PostgresNotification? {
            try await base.next()
        }
    }
}
