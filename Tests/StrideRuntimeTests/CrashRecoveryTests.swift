import Foundation
import StrideKafka
import StridePostgres
import StrideTestSupport
import Testing

/// A process killed (SIGKILL) at any point of the outbox or inbox path loses nothing and
/// duplicates nothing: these run the real probe executable against the real database and broker.
@Suite("Crash recovery (SIGKILL)")
struct CrashRecoveryTests {
    let fixture: RuntimeFixture

    init() async throws {
        fixture = try await RuntimeFixture()
    }

    @Test("killed after publishing but before marking: rows are re-sent, the inbox applies each once")
    func relayKilledAfterPublishBeforeMark() async throws {
        let source = TestEnvironment.uniqueName("crash_out"), sink = TestEnvironment.uniqueName("crash_in")
        let topic = try await fixture.createTopic("crash")
        let killed = try await ProbeProcess.run(
            ["publish", "--schema", source, "--topic", topic, "--count", "120", "--insert"],
            failpoint: "outbox.after-publish-before-mark")
        #expect(killed.killedBySIGKILL, "\(killed.output)")
        #expect(try await fixture.count("\(source).outbox WHERE published_at IS NULL") == 120)

        let restarted = try await ProbeProcess.run(["publish", "--schema", source, "--topic", topic])
        #expect(restarted.succeeded, "\(restarted.output)")
        #expect(try await fixture.count("\(source).outbox WHERE published_at IS NULL") == 0)

        let onTopic = try await fixture.readAll(topic: topic, atLeast: 240)
        #expect(onTopic.count == 240, "every event went out twice")
        #expect(Set(onTopic.compactMap { $0.header("ce_id") }).count == 120)

        let consumed = try await ProbeProcess.run(
            ["consume", "--schema", sink, "--topic", topic, "--group", TestEnvironment.uniqueName("g"), "--expect", "120"])
        #expect(consumed.succeeded, "\(consumed.output)")
        #expect(try await fixture.count("\(sink).effects") == 120)
        #expect(try await fixture.count("(SELECT DISTINCT event_id FROM \(sink).effects) AS d") == 120)
    }

    @Test("killed after committing but before publishing: pending rows go out after restart")
    func relayKilledBeforePublish() async throws {
        let source = TestEnvironment.uniqueName("crash_out")
        let topic = try await fixture.createTopic("crash")
        let killed = try await ProbeProcess.run(
            ["publish", "--schema", source, "--topic", topic, "--count", "80", "--insert"],
            failpoint: "outbox.before-publish")
        #expect(killed.killedBySIGKILL, "\(killed.output)")
        #expect(try await fixture.count("\(source).outbox WHERE published_at IS NULL") == 80)

        let restarted = try await ProbeProcess.run(["publish", "--schema", source, "--topic", topic])
        #expect(restarted.succeeded, "\(restarted.output)")
        let onTopic = try await fixture.readAll(topic: topic, atLeast: 80)
        #expect(onTopic.count == 80)
        #expect(Set(onTopic.compactMap { $0.header("ce_id") }).count == 80)
    }

    @Test("killed after the inbox transaction but before the offset commit: redelivery is a no-op")
    func consumerKilledBeforeOffsetCommit() async throws {
        let source = TestEnvironment.uniqueName("crash_out"), sink = TestEnvironment.uniqueName("crash_in")
        let topic = try await fixture.createTopic("crash")
        let group = TestEnvironment.uniqueName("g")
        let published = try await ProbeProcess.run(["publish", "--schema", source, "--topic", topic, "--count", "150", "--insert"])
        #expect(published.succeeded, "\(published.output)")

        let killed = try await ProbeProcess.run(
            ["consume", "--schema", sink, "--topic", topic, "--group", group, "--expect", "150"],
            failpoint: "inbox.after-transaction-before-commit")
        #expect(killed.killedBySIGKILL, "\(killed.output)")
        let applied = try await fixture.count("\(sink).effects")
        #expect(applied > 0 && applied < 150, "the first batch was applied, nothing was committed to Kafka")

        let restarted = try await ProbeProcess.run(["consume", "--schema", sink, "--topic", topic, "--group", group, "--expect", "150"])
        #expect(restarted.succeeded, "\(restarted.output)")
        #expect(try await fixture.count("\(sink).effects") == 150)
        #expect(try await fixture.count("(SELECT DISTINCT event_id FROM \(sink).effects) AS d") == 150)
    }
}
