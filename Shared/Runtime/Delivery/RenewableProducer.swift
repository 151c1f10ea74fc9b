import Logging
import Metrics
import StrideKafka
import Synchronization

/// The service's Kafka producer, replaced by a fresh one when the current one can no longer deliver.
///
/// An idempotent producer keeps a producer id and per-partition sequence numbers. When a broker
/// loses its state (a development broker restarted, a cluster that expired the id), librdkafka
/// may raise a fatal error or keep retrying with an id the broker does not know: nothing is
/// delivered again until the producer is recreated. ``send(_:)`` renews the producer itself when
/// a report says so (``KafkaError/requiresNewProducer``); the outbox relay also renews it when
/// whole batches keep failing while the broker answers (``renew(reason:)``).
///
/// The replaced producer is closed in the background with a short flush: what it still held
/// fails, and the callers' retries go through the new one. Nothing here blocks the cooperative pool.
public final class RenewableProducer: Sendable {
    private struct State {
        var producer: KafkaProducer
        var generation = 0
        var retiring: [Task<Void, Never>] = []
        var closed = false
    }

    private let configuration: KafkaConfiguration
    private let logger: Logger
    private let state: Mutex<State>
    private let renewals = Counter(label: "stride_kafka_producer_renewals_total")

    /// Creates the first producer.
    /// - Throws: a `.configuration` `KafkaError` when librdkafka refuses the configuration.
    public init(configuration: KafkaConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        state = Mutex(State(producer: try KafkaProducer(configuration: configuration, logger: logger)))
    }

    /// The producer in use now.
    public var current: KafkaProducer { state.withLock { $0.producer } }

    /// How many times the producer has been replaced.
    public var generation: Int { state.withLock { $0.generation } }

    /// Sends through the current producer (see `KafkaProducer.send(_:)`); when a report says the
    /// producer can no longer deliver, replaces it so the caller's retry can succeed.
    public func send(_ messages: [KafkaOutgoingMessage]) async -> [Result<KafkaDeliveryReport, KafkaError>] {
        let (producer, generation) = state.withLock { ($0.producer, $0.generation) }
        let results = await producer.send(messages)
        for case .failure(let error) in results where error.requiresNewProducer {
            renew(from: generation, reason: "\(error)")
            break
        }
        return results
    }

    /// Publishes one message and waits for the broker's acknowledgement (see ``send(_:)``).
    /// - Throws: the message's `KafkaError` when it was not delivered.
    public func send(_ message: KafkaOutgoingMessage) async throws -> KafkaDeliveryReport {
        try await send([message])[0].get()
    }

    /// Checks that a broker answers a metadata request.
    public func ping(timeout: Duration) async throws {
        try await current.ping(timeout: timeout)
    }

    /// Replaces the producer now (unless it was replaced or closed meanwhile).
    public func renew(reason: String) {
        renew(from: generation, reason: reason)
    }

    private func renew(from generation: Int, reason: String) {
        let replacement: KafkaProducer
        do {
            replacement = try KafkaProducer(configuration: configuration, logger: logger)
        } catch {
            logger.error("could not create a new Kafka producer; keeping the old one", metadata: ["error": "\(error)"])
            return
        }
        let retired = state.withLock { state -> KafkaProducer? in
            guard !state.closed, state.generation == generation else { return nil }
            let old = state.producer
            state.producer = replacement
            state.generation += 1
            state.retiring.append(Task { await old.close(flushTimeout: .seconds(1)) })
            return old
        }
        guard retired != nil else {
            Task { await replacement.close(flushTimeout: .zero) }
            return
        }
        renewals.increment()
        logger.warning("Kafka producer replaced by a new one", metadata: ["reason": "\(reason)", "generation": "\(generation + 1)"])
    }

    /// Flushes for at most 10 seconds and closes; see ``close(flushTimeout:)``.
    public func close() async {
        await close(flushTimeout: .seconds(10))
    }

    /// Flushes for at most `flushTimeout` and closes the producer, and waits for replaced ones to
    /// finish closing. Idempotent.
    public func close(flushTimeout: Duration) async {
        let (producer, retiring) = state.withLock { state in
            state.closed = true
            return (state.producer, state.retiring)
        }
        await producer.close(flushTimeout: flushTimeout)
        for task in retiring { await task.value }
    }
}
