import CLibPQ
import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns one `LISTEN` connection and the dedicated thread that waits on its socket.
///
/// The thread blocks in `poll(2)` for at most ``pollTimeoutMilliseconds`` at a time, so a stop
/// request (cancellation, pool close) is noticed within that time. All libpq calls for this
/// connection happen on that thread, so the `PGconn` never needs a lock.
final class PostgresListener: Sendable {
    static let pollTimeoutMilliseconds: Int32 = 200
    let channel: String
    let configuration: PostgresConfiguration
    let continuation: AsyncThrowingStream<PostgresNotification, any Error>.Continuation
    let logger: Logger
    private let stopRequested = Atomic<Bool>(false)

    init(channel: String, configuration: PostgresConfiguration,
         continuation: AsyncThrowingStream<PostgresNotification, any Error>.Continuation, logger: Logger) {
        self.channel = channel
        self.configuration = configuration
        self.continuation = continuation
        self.logger = logger
    }

    /// Asks the thread to close the connection and end the sequence.
    func stop() { stopRequested.store(true, ordering: .relaxed) }

    private var isStopped: Bool { stopRequested.load(ordering: .relaxed) }

    /// Starts the thread; returns once `LISTEN` succeeded, or throws the first connection error.
    func start() async throws {
        try await withCheckedThrowingContinuation { (started: CheckedContinuation<Void, any Error>) in
            let thread = Thread { self.run(started: started) }
            thread.name = "postgres-listen"
            thread.start()
        }
    }

    private func run(started: CheckedContinuation<Void, any Error>) {
        var started: CheckedContinuation<Void, any Error>? = started
        var connection: OpaquePointer?
        var backoff: Duration = .milliseconds(100)
        defer {
            if let connection { LibPQ.finish(connection) }
            continuation.finish()
        }
        while !isStopped {
            guard let open = connection else {
                do {
                    connection = try openAndListen()
                    backoff = .milliseconds(100)
                    if let first = started {
                        first.resume()
                        started = nil
                    } else {
                        logger.info("postgres listener reconnected")
                    }
                } catch {
                    if let first = started {
                        first.resume(throwing: error)
                        return
                    }
                    logger.warning("postgres listener cannot reconnect", metadata: ["error": "\(error)", "postgres.retry_in": "\(backoff)"])
                    sleep(for: backoff)
                    backoff = min(backoff * 2, .seconds(5))
                }
                continue
            }
            if !receive(on: open) {
                logger.warning("postgres listener connection lost", metadata: ["error": "\(LibPQ.errorMessage(open))"])
                LibPQ.finish(open)
                connection = nil
            }
        }
    }

    private func openAndListen() throws -> OpaquePointer {
        let connection = try LibPQ.connect(configuration, notices: nil)
        do {
            _ = try LibPQ.executeScript(connection, "LISTEN " + PostgresQuery.quoteIdentifier(channel))
        } catch {
            LibPQ.finish(connection)
            throw error
        }
        return connection
    }

    /// Waits briefly for data and delivers any notifications; false when the connection broke.
    private func receive(on connection: OpaquePointer) -> Bool {
        var descriptor = pollfd(fd: PQsocket(connection), events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Self.pollTimeoutMilliseconds)
        if ready < 0 { return errno == EINTR }
        if ready == 0 { return true }
        guard PQconsumeInput(connection) == 1 else { return false }
        while let notification = PQnotifies(connection) {
            let value = notification.pointee
            continuation.yield(PostgresNotification(
                channel: String(cString: value.relname), payload: String(cString: value.extra), processID: value.be_pid))
            PQfreemem(notification)
        }
        return PQstatus(connection) == CONNECTION_OK
    }

    /// Sleeps in short steps so a stop request is not delayed by a long backoff.
    private func sleep(for duration: Duration) {
        let deadline = ContinuousClock.now + duration
        while !isStopped, ContinuousClock.now < deadline {
            usleep(50_000)
        }
    }
}
