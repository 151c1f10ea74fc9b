import Foundation
import Metrics

/// The coaching service's own Prometheus series (through swift-metrics, into the registry that
/// `GET /metrics` serves), next to the runtime's HTTP, outbox, consumer and DLQ series.
enum CoachingMetrics {
    /// `stride_coaching_nudges_total{placement}`: nudges raised from at-risk goals, by whether they
    /// joined a scheduled 1:1 (`existing`) or scheduled one (`new_meeting`).
    static func nudged(placement: String) {
        Counter(label: "stride_coaching_nudges_total", dimensions: [("placement", placement)]).increment()
    }

    /// `stride_coaching_nudge_latency_seconds`: from `GoalAtRisk`'s event time to the agenda item.
    static func nudgeLatency(since eventTime: Date, now: Date) {
        Metrics.Timer(label: "stride_coaching_nudge_latency_seconds").recordSeconds(max(0, now.timeIntervalSince(eventTime)))
    }

    /// `stride_coaching_records_total{kind}`: coaching records written, by kind (check_in, one_on_one,
    /// feedback, evidence, improvement_plan, feedback_interview).
    static func recorded(_ kind: String) {
        Counter(label: "stride_coaching_records_total", dimensions: [("kind", kind)]).increment()
    }
}
