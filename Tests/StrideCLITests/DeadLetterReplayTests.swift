@testable import StrideCLI
import StrideKafka
import StrideTestSupport
import Testing

@Suite("stride dlq replay against the real broker")
struct DeadLetterReplayTests {
    typealias Kafka = DeadLetterTestKafka

    private func replay(
        _ options: DeadLetterReplay.Options, lines: inout [String],
        replayed: ([KafkaOutgoingMessage]) async throws -> Void = { _ in }
    ) async throws -> DeadLetterReplay.Report {
        var output: [String] = []
        defer { lines = output }
        return try await DeadLetterReplay.run(
            options, configuration: try Kafka.configuration(), logger: Kafka.logger, output: { output.append($0) },
            replayed: replayed)
    }

    private func index(_ record: KafkaConsumerMessage) -> Int? {
        record.keyString.flatMap { Int($0.dropFirst("emp-".count)) }
    }

    @Test("replays exactly what the DLQ held, keys kept and dlq.* headers removed; the next run replays only what came later")
    func replaysTheBacklogOnce() async throws {
        let (original, deadLetters) = try await Kafka.makeTopics()
        try await Kafka.send((0..<7).map { Kafka.letter($0, original: original) })
        let options = Kafka.options(deadLetters)
        var lines: [String] = []

        let first = try await replay(options, lines: &lines)
        #expect(first.total == 7)
        #expect(lines.last == "replayed 7 letter(s) from \(deadLetters) (group \(options.groupID))")
        #expect(lines.filter { $0.hasPrefix("\(deadLetters)[") }.count == first.replayed.count, "one line per partition: \(lines)")
        let afterFirst = try await Kafka.contents(of: original)
        #expect(afterFirst.count == 7)
        #expect(afterFirst.compactMap(index).sorted() == Array(0..<7))
        for record in afterFirst {
            let number = try #require(index(record))
            #expect(record.headers == [KafkaHeader(key: "trace", value: "t-\(number)")])
            #expect(record.value == Array("event-\(number)".utf8))
        }

        try await Kafka.send((7..<12).map { Kafka.letter($0, original: original) })
        let second = try await replay(options, lines: &lines)
        #expect(second.total == 5)
        #expect(try await Kafka.contents(of: original).compactMap(index).sorted() == Array(0..<12), "nothing twice")

        let third = try await replay(options, lines: &lines)
        #expect(third.total == 0)
        #expect(try await Kafka.contents(of: original).count == 12)
    }

    @Test("an empty DLQ replays nothing and the run ends by itself")
    func emptyDeadLetterTopic() async throws {
        let (original, deadLetters) = try await Kafka.makeTopics()
        let options = Kafka.options(deadLetters)
        var lines: [String] = []
        let report = try await replay(options, lines: &lines)
        #expect(report == DeadLetterReplay.Report())
        #expect(lines == ["replayed 0 letter(s) from \(deadLetters) (group \(options.groupID))"])
        #expect(try await Kafka.contents(of: original).isEmpty)
    }

    @Test("letters dead-lettered again during the replay are left for the next run: no replay loop")
    func feedbackStopsAtTheStartingEnds() async throws {
        let (original, deadLetters) = try await Kafka.makeTopics()
        try await Kafka.send((0..<6).map { Kafka.letter($0, original: original) })
        var options = Kafka.options(deadLetters)
        options.batchSize = 1
        var lines: [String] = []
        var copies = 0

        // Every replayed message fails again at once: it is back in the DLQ before the replay reads on.
        let first = try await replay(options, lines: &lines) { messages in
            for message in messages {
                let index = try #require(message.key.flatMap { Int(String(decoding: $0, as: UTF8.self).dropFirst("emp-".count)) })
                try await Kafka.send([Kafka.letter(index, original: original, extraHeaders: [KafkaHeader(key: "copy", value: "1")])])
                copies += 1
            }
        }
        #expect(first.total == 6)
        #expect(copies == 6)
        let afterFirst = try await Kafka.contents(of: original)
        #expect(afterFirst.count == 6)
        #expect(afterFirst.allSatisfy { $0.header("copy") == nil })

        let second = try await replay(options, lines: &lines)
        #expect(second.total == 6, "the second run replays the six letters dead-lettered during the first")
        let afterSecond = try await Kafka.contents(of: original)
        #expect(afterSecond.count == 12)
        #expect(afterSecond.filter { $0.header("copy") == "1" }.compactMap(index).sorted() == Array(0..<6))
    }

    @Test("a dry run lists the letters without sending or committing; --max replays part, the next run the rest")
    func dryRunAndMax() async throws {
        let (original, deadLetters) = try await Kafka.makeTopics()
        try await Kafka.send((0..<3).map { Kafka.letter($0, original: original) })
        var options = Kafka.options(deadLetters)
        var lines: [String] = []

        options.dryRun = true
        let listed = try await replay(options, lines: &lines)
        #expect(listed.total == 3)
        #expect(lines.filter { $0.contains(" -> ") }.count == 3)
        for index in 0..<3 {
            let line = try #require(lines.first { $0.contains(#"key="emp-\#(index)""#) }, "\(lines)")
            #expect(line.hasPrefix("\(deadLetters)["))
            #expect(line.hasSuffix(#" -> \#(original) key="emp-\#(index)" error=boom \#(index)"#), "\(line)")
        }
        #expect(lines.last == "would replay 3 letter(s) from \(deadLetters) (group \(options.groupID))")
        #expect(try await Kafka.contents(of: original).isEmpty)

        options.dryRun = false
        options.maxMessages = 2
        #expect(try await replay(options, lines: &lines).total == 2)
        options.maxMessages = .max
        #expect(try await replay(options, lines: &lines).total == 1)
        #expect(try await Kafka.contents(of: original).compactMap(index).sorted() == [0, 1, 2])
    }

    @Test("a run that cannot finish in time fails with what it did, and replays nothing twice afterwards")
    func timeoutIsAnError() async throws {
        let (original, deadLetters) = try await Kafka.makeTopics()
        try await Kafka.send((0..<2).map { Kafka.letter($0, original: original) })
        var options = Kafka.options(deadLetters)
        options.timeout = .zero
        var lines: [String] = []
        await #expect(throws: DeadLetterReplay.TimedOut.self) { _ = try await replay(options, lines: &lines) }
        #expect(lines.last == "replayed 0 letter(s) from \(deadLetters) (group \(options.groupID))")

        options.timeout = .seconds(120)
        #expect(try await replay(options, lines: &lines).total == 2)
        #expect(try await Kafka.contents(of: original).count == 2)
    }
}
