import CRdKafka
import Synchronization

/// The outcome of one message as librdkafka reported it: plain values, cheap to store per message.
struct RawDelivery: Sendable {
    var partition: Int32
    var offset: Int64
    /// `rd_kafka_resp_err_t`; 0 means delivered.
    var error: Int32
}

/// Correlates librdkafka delivery reports with the `send` calls waiting for them.
///
/// Every message carries a ``MessageID`` as its `msg_opaque`: a batch number and the message's
/// index in that batch packed into one pointer-sized integer. Nothing in the opaque points at a
/// Swift object, so a late or duplicate report can never touch freed memory: an unknown id is
/// ignored. A batch costs one registration; each report costs one short critical section.
final class DeliveryTracker: Sendable {
    /// A message's correlation id, passed to librdkafka as `msg_opaque`.
    struct MessageID: Sendable, Equatable {
        static let indexBits = 24
        /// The largest number of messages one registered batch may hold.
        static let maxBatchCount = 1 << indexBits

        var batch: UInt64
        var index: Int

        init(batch: UInt64, index: Int) {
            self.batch = batch
            self.index = index
        }

        init(opaque: UnsafeMutableRawPointer?) {
            let bits = UInt64(UInt(bitPattern: opaque))
            batch = bits >> UInt64(Self.indexBits)
            index = Int(bits & UInt64(Self.maxBatchCount - 1))
        }

        /// Never `nil`: batch numbers start at 1.
        var opaque: UnsafeMutableRawPointer? {
            UnsafeMutableRawPointer(bitPattern: UInt((batch << UInt64(Self.indexBits)) | UInt64(index)))
        }
    }

    private struct Pending {
        var deliveries: [RawDelivery]
        var remaining: Int
        var continuation: CheckedContinuation<[RawDelivery], Never>?

        /// Records one outcome; `true` when this was the last one outstanding.
        mutating func record(_ index: Int, _ delivery: RawDelivery) -> Bool {
            guard index < deliveries.count else { return false }
            deliveries[index] = delivery
            remaining -= 1
            return remaining == 0
        }
    }

    private struct State {
        var nextBatch: UInt64 = 1
        var pending: [UInt64: Pending] = [:]
    }

    private let state = Mutex(State())

    /// Registers a batch of `count` messages (at most ``MessageID/maxBatchCount``) and returns its number.
    func register(count: Int) -> UInt64 {
        precondition(count > 0 && count <= MessageID.maxBatchCount)
        // Until its report arrives a message counts as "handle destroyed": what it is if the
        // producer is closed before librdkafka reports on it.
        let unknown = RawDelivery(partition: -1, offset: -1, error: RD_KAFKA_RESP_ERR__DESTROY.rawValue)
        return state.withLock { state in
            let batch = state.nextBatch
            state.nextBatch += 1
            state.pending[batch] = Pending(
                deliveries: Array(repeating: unknown, count: count), remaining: count, continuation: nil)
            return batch
        }
    }

    /// Records the outcome of one message (from the delivery-report callback or a failed enqueue).
    func complete(id: MessageID, _ delivery: RawDelivery) {
        let finished = state.withLock { state -> (CheckedContinuation<[RawDelivery], Never>, [RawDelivery])? in
            guard state.pending[id.batch]?.record(id.index, delivery) == true,
                state.pending[id.batch]?.continuation != nil,
                let done = state.pending.removeValue(forKey: id.batch)
            else { return nil }
            return (done.continuation!, done.deliveries)
        }
        if let (continuation, deliveries) = finished { continuation.resume(returning: deliveries) }
    }

    /// Waits until every message of `batch` has an outcome, then forgets the batch.
    func wait(batch: UInt64) async -> [RawDelivery] {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> [RawDelivery]? in
                guard let pending = state.pending[batch] else { return [] }
                if pending.remaining == 0 { return state.pending.removeValue(forKey: batch)?.deliveries }
                state.pending[batch]?.continuation = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// Gives up on every outstanding message (after the handle was destroyed on close): those
    /// without a report fail as "handle destroyed"; waiting senders resume at once.
    func failAll() {
        let waiting = state.withLock { state in
            var resumable: [(CheckedContinuation<[RawDelivery], Never>, [RawDelivery])] = []
            for batch in Array(state.pending.keys) {
                state.pending[batch]?.remaining = 0
                if let continuation = state.pending[batch]?.continuation, let done = state.pending.removeValue(forKey: batch) {
                    resumable.append((continuation, done.deliveries))
                }
            }
            return resumable
        }
        for (continuation, deliveries) in waiting { continuation.resume(returning: deliveries) }
    }
}
