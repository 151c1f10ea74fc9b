import Foundation
import Metrics

/// The incentives service's own Prometheus series (through swift-metrics, into the registry that
/// `GET /metrics` serves), next to the runtime's HTTP, outbox, consumer and DLQ series.
enum IncentivesMetrics {
    /// `stride_incentives_recommendations_total{kind}`: recommendations computed by runs and corrections.
    static func recommended(_ count: Int, kind: String) {
        Counter(label: "stride_incentives_recommendations_total", dimensions: [("kind", kind)]).increment(by: count)
    }

    /// `stride_incentives_adjustments_total{outcome}`: adjustments applied, pending HR, rejected.
    static func adjusted(_ outcome: String) {
        Counter(label: "stride_incentives_adjustments_total", dimensions: [("outcome", outcome)]).increment()
    }

    /// `stride_incentives_payroll_changes_total{event}`: compensation changes approved and reversed.
    static func payroll(_ count: Int, event: String) {
        Counter(label: "stride_incentives_payroll_changes_total", dimensions: [("event", event)]).increment(by: count)
    }
}
