/// The messages of a ``KafkaConsumer`` one by one, as an `AsyncSequence`.
///
/// The iterator polls a batch at a time and hands it out message by message, so at most one
/// batch is buffered (no unbounded event buffer). The sequence ends when the consumer is closed
/// or the iterating task is cancelled; it throws what ``KafkaConsumer/poll(maxMessages:timeout:)``
/// throws otherwise (a fatal error).
public struct KafkaConsumerMessages: AsyncSequence, Sendable {
    public typealias Element = KafkaConsumerMessage

    let consumer: KafkaConsumer
    let batchSize: Int
    let pollTimeout: Duration

    public func makeAsyncIterator() -> Iterator {
        Iterator(consumer: consumer, batchSize: batchSize, pollTimeout: pollTimeout)
    }

    /// Pulls batches from the consumer and yields their messages in order.
    public struct Iterator: AsyncIteratorProtocol {
        let consumer: KafkaConsumer
        let batchSize: Int
        let pollTimeout: Duration
        private var buffer: [KafkaConsumerMessage] = []
        private var position = 0

        init(consumer: KafkaConsumer, batchSize: Int, pollTimeout: Duration) {
            self.consumer = consumer
            self.batchSize = batchSize
            self.pollTimeout = pollTimeout
        }

        public mutating func next() async throws -> KafkaConsumerMessage? {
            while position == buffer.count {
                if Task.isCancelled { return nil }
                do {
                    buffer = try await consumer.poll(maxMessages: batchSize, timeout: pollTimeout)
                    position = 0
                } catch let error as KafkaError where error.code == .closed {
                    buffer = []
                    position = 0
                    return nil
                }
            }
            defer { position += 1 }
            return buffer[position]
        }
    }
}

extension KafkaConsumer {
    /// The consumer's messages one by one; ends when the consumer is closed.
    ///
    /// Commit what you processed with ``commit(_:)``; uncommitted messages come again after a
    /// restart or rebalance.
    public var messages: KafkaConsumerMessages { messages(batchSize: 500, pollTimeout: .milliseconds(250)) }

    /// The consumer's messages one by one, polled in batches of at most `batchSize`.
    /// - Parameters:
    ///   - batchSize: the most messages buffered at a time.
    ///   - pollTimeout: how long each poll waits; also how long the end takes to notice a close.
    public func messages(batchSize: Int, pollTimeout: Duration) -> KafkaConsumerMessages {
        KafkaConsumerMessages(consumer: self, batchSize: max(1, batchSize), pollTimeout: pollTimeout)
    }
}
