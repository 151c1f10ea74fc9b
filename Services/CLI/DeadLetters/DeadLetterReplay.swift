import Logging
import StrideKafka

/// Replays a dead-letter topic: re-publishes, to the topic each letter came from, exactly the
/// letters the dead-letter topic held when the replay started and that earlier replays (of the same
/// consumer group) did not already replay, then stops by itself.
///
/// The ends of the dead-letter topic's partitions are read first (``KafkaBacklogReader``), so a
/// letter dead-lettered again while the replay runs, e.g. because the fix did not work, is left for
/// the next replay instead of looping. Progress is committed under the group after each batch is
/// delivered, so a replay that fails or times out can simply be run again; a letter whose batch was
/// delivered but not committed is sent twice, which consumers tolerate (they deduplicate by event id).
struct DeadLetterReplay {
    /// What to replay, and how.
    struct Options: Sendable {
        /// The dead-letter topic (`<topic>.dlq`).
        var topic: String
        /// The consumer group that remembers what was replayed.
        var groupID: String
        /// Replay at most this many letters.
        var maxMessages = Int.max
        /// Send and commit at most this many letters at a time.
        var batchSize = 500
        /// Fail (with what was done so far committed) when the replay has not finished by then:
        /// catches a hang, says nothing about when the backlog is complete.
        var timeout: Duration = .seconds(600)
        /// List what would be replayed without sending or committing anything.
        var dryRun = false

        /// The defaults for `topic`, with its default group.
        init(topic: String, groupID: String? = nil) {
            self.topic = topic
            self.groupID = groupID ?? DeadLetterReplay.defaultGroupID(topic: topic)
        }
    }

    /// What a replay did.
    struct Report: Sendable, Equatable {
        /// Per partition of the dead-letter topic, how many letters were replayed (listed, in a dry run).
        var replayed: [Int32: Int] = [:]
        /// Letters replayed in all.
        var total: Int { replayed.values.reduce(0, +) }
    }

    /// The replay did not finish within ``Options/timeout``.
    struct TimedOut: Error, CustomStringConvertible {
        var topic: String
        var timeout: Duration
        var replayed: Int

        var description: String {
            "replaying \(topic) did not finish within \(timeout); \(replayed) letter(s) were replayed and committed, run it again to continue"
        }
    }

    /// The group a replay of `topic` uses unless told otherwise.
    static func defaultGroupID(topic: String) -> String { "stride-dlq-replay.\(topic)" }

    /// Replays (or, in a dry run, lists) the dead-letter topic's backlog.
    /// - Parameters:
    ///   - options: the topic, group and limits.
    ///   - configuration: the broker.
    ///   - logger: for the Kafka clients.
    ///   - output: receives the lines to show the operator (one per listed letter in a dry run,
    ///     one per partition at the end).
    ///   - replayed: observes each batch once it was delivered and committed.
    /// - Returns: how many letters were replayed per partition.
    /// - Throws: ``TimedOut``, or the `KafkaError` of a failed read, delivery or commit; what was
    ///   committed before stays committed.
    static func run(
        _ options: Options, configuration: KafkaConfiguration, logger: Logger,
        output: (String) -> Void = { print($0) },
        replayed: ([KafkaOutgoingMessage]) async throws -> Void = { _ in }
    ) async throws -> Report {
        let deadline = ContinuousClock.now.advanced(by: options.timeout)
        var reader = try await KafkaBacklogReader(
            configuration: configuration, groupID: options.groupID, topic: options.topic, logger: logger)
        let producer: KafkaProducer?
        do {
            producer = options.dryRun ? nil : try KafkaProducer(configuration: configuration, logger: logger)
        } catch {
            await reader.close()
            throw error
        }
        var report = Report()
        do {
            while report.total < options.maxMessages {
                guard reader.isFinished || ContinuousClock.now < deadline else {
                    throw TimedOut(topic: options.topic, timeout: options.timeout, replayed: report.total)
                }
                let wanted = min(max(1, options.batchSize), options.maxMessages - report.total)
                guard let batch = try await reader.next(maxMessages: wanted) else { break }
                guard !batch.isEmpty else { continue }
                let messages = batch.map { message(replaying: $0, from: options.topic) }
                if let producer {
                    for result in await producer.send(messages) { _ = try result.get() }
                    try await reader.commit(batch)
                } else {
                    for (letter, message) in zip(batch, messages) { output(listing(letter, replayedAs: message)) }
                }
                for letter in batch { report.replayed[letter.partition, default: 0] += 1 }
                if producer != nil { try await replayed(messages) }
            }
        } catch {
            summarize(report, of: reader, options: options, output: output)
            await reader.close()
            await producer?.close()
            throw error
        }
        summarize(report, of: reader, options: options, output: output)
        await reader.close()
        await producer?.close()
        return report
    }

    /// One line about a letter, for a dry run.
    static func listing(_ letter: KafkaConsumerMessage, replayedAs message: KafkaOutgoingMessage) -> String {
        let key = letter.keyString.map { "\"\($0)\"" } ?? "none"
        let error = letter.header("dlq.error") ?? "unknown"
        return "\(letter.topic)[\(letter.partition)]@\(letter.offset) -> \(message.topic) key=\(key) error=\(error)"
    }

    /// One line per partition with letters, then the total.
    private static func summarize(
        _ report: Report, of reader: KafkaBacklogReader, options: Options, output: (String) -> Void
    ) {
        let verb = options.dryRun ? "would replay" : "replayed"
        for (partition, bounds) in reader.ranges.sorted(by: { $0.key.partition < $1.key.partition }) where bounds.count > 0 {
            let count = report.replayed[partition.partition] ?? 0
            output("\(partition): \(verb) \(count) of the letters at offsets \(bounds.start)..<\(bounds.end)")
        }
        output("\(verb) \(report.total) letter(s) from \(options.topic) (group \(options.groupID))")
    }
}
