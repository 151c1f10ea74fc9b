import StridePostgres
import StrideTestSupport
import Testing

@Suite("LISTEN/NOTIFY")
struct ListenTests {
    @Test func listenerReceivesNotifications() async throws {
        try await TestDatabase.withSchema { pool, _ in
            let channel = "Stride Channel \(UInt32.random(in: 0...UInt32.max))"
            let notifications = try await pool.listen(channel)
            try await pool.notify(channel, payload: "hello ✓ 'quoted'")
            try await pool.execute("SELECT pg_notify(\(channel), \("second"))")
            let received = try await withTimeout(.seconds(10)) {
                var received: [PostgresNotification] = []
                for try await notification in notifications {
                    received.append(notification)
                    if received.count == 2 { break }
                }
                return received
            }
            #expect(received.map(\.payload) == ["hello ✓ 'quoted'", "second"])
            #expect(received.allSatisfy { $0.channel == channel })
        }
    }

    @Test func listenerReconnectsAfterTheConnectionDrops() async throws {
        try await TestDatabase.withSchema { pool, _ in
            let channel = TestEnvironment.uniqueName("ch")
            let notifications = try await pool.listen(channel)
            let terminated = try await pool.query("""
                SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE query = \("LISTEN \"\(channel)\"")
                """)
            #expect(terminated.count == 1)
            // Keep ringing until the listener is back; the first notification after reconnect must arrive.
            let ringer = Task {
                while !Task.isCancelled {
                    try await pool.notify(channel, payload: "after")
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            defer { ringer.cancel() }
            let first = try await withTimeout(.seconds(15)) {
                var iterator = notifications.makeAsyncIterator()
                return try await iterator.next()
            }
            #expect(first?.payload == "after")
            ringer.cancel()
            _ = await ringer.result
        }
    }

    @Test func sequenceEndsWhenThePoolCloses() async throws {
        let pool = PostgresPool(configuration: try TestDatabase.configuration(), maxConnections: 1, logger: TestDatabase.logger)
        let notifications = try await pool.listen(TestEnvironment.uniqueName("ch"))
        let consumer = Task {
            var count = 0
            for try await _ in notifications { count += 1 }
            return count
        }
        await pool.close()
        let count = try await withTimeout(.seconds(5)) { try await consumer.value }
        #expect(count == 0)
    }

    @Test func sequenceEndsWhenTheConsumerIsCancelled() async throws {
        try await TestDatabase.withSchema { pool, _ in
            let notifications = try await pool.listen(TestEnvironment.uniqueName("ch"))
            let consumer = Task {
                for try await _ in notifications {}
                return Task.isCancelled
            }
            consumer.cancel()  // whether it is already iterating or not yet, the sequence must end
            #expect(try await withTimeout(.seconds(5)) { try await consumer.value })
        }
    }
}

