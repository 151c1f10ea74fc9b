import Foundation
import Metrics

/// The appraisal service's own Prometheus series (through swift-metrics, into the registry that
/// `GET /metrics` serves), next to the runtime's HTTP, outbox, consumer and DLQ series.
enum AppraisalMetrics {
    /// `stride_appraisal_cycle_participants_total` and `stride_appraisal_review_requests_total`:
    /// appraisals and review requests made by opening cycles.
    static func cycleOpened(participants: Int, reviews: Int) {
        Counter(label: "stride_appraisal_cycle_participants_total").increment(by: participants)
        Counter(label: "stride_appraisal_review_requests_total").increment(by: reviews)
    }

    /// `stride_appraisal_reviews_total{outcome}`: reviews submitted or declined.
    static func reviewed(_ outcome: String) {
        Counter(label: "stride_appraisal_reviews_total", dimensions: [("outcome", outcome)]).increment()
    }

    /// `stride_appraisal_scored_total`: appraisals scored (each recomputation counts).
    static func scored(_ count: Int) {
        Counter(label: "stride_appraisal_scored_total").increment(by: count)
    }

    /// `stride_appraisal_finalized_total`: appraisal versions published (`AppraisalFinalized`).
    static func finalized(_ count: Int) {
        Counter(label: "stride_appraisal_finalized_total").increment(by: count)
    }
}
