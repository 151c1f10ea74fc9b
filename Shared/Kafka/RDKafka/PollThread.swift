import CRdKafka
import Dispatch
import Foundation
import Synchronization

/// A dedicated thread that serves a handle's callbacks (delivery reports, errors) with
/// `rd_kafka_poll`. The poll returns as soon as an event arrives, so reports reach their senders
/// without a fixed polling latency; the 100 ms timeout only bounds how long stopping takes.
final class PollThread: Sendable {
    private let running = Atomic<Bool>(true)
    private let finished = DispatchSemaphore(value: 0)
    private let client: RDKafkaClient

    init(client: RDKafkaClient, name: String) {
        self.client = client
        let thread = Thread { [self] in
            while running.load(ordering: .relaxed) {
                rd_kafka_poll(client.handle, 100)
            }
            finished.signal()
        }
        thread.name = name
        thread.start()
    }

    /// Stops the loop and waits for the thread to leave librdkafka. Blocking: call on a thread pool.
    func stop() {
        guard running.exchange(false, ordering: .relaxed) else { return }
        rd_kafka_yield(client.handle)
        finished.wait()
    }
}
