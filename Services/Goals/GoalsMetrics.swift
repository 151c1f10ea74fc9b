import Metrics
import StrideContracts

/// The goals service's own Prometheus series (through swift-metrics, into the registry that
/// `GET /metrics` serves), next to the runtime's HTTP, outbox, consumer and DLQ series.
enum GoalsMetrics {
    /// `stride_goals_created_total{level}`: goals created, by tree level (template assignments included).
    static func created(_ level: GoalLevel, count: Int = 1) {
        Counter(label: "stride_goals_created_total", dimensions: [("level", level.rawValue)]).increment(by: count)
    }

    /// `stride_goals_transitions_total{to}`: workflow transitions, by target status.
    static func transitioned(to status: GoalStatus, count: Int = 1) {
        Counter(label: "stride_goals_transitions_total", dimensions: [("to", status.rawValue)]).increment(by: count)
    }

    /// `stride_goals_progress_updates_total{origin}`: progress updates, manual or from metric readings.
    static func progressRecorded(_ origin: ProgressOrigin) {
        Counter(label: "stride_goals_progress_updates_total", dimensions: [("origin", origin.rawValue)]).increment()
    }

    /// `stride_goals_at_risk_flagged_total`: goals that fell behind pace (one `GoalAtRisk` each).
    static func flaggedAtRisk(count: Int = 1) {
        Counter(label: "stride_goals_at_risk_flagged_total").increment(by: count)
    }

    /// `stride_goals_period_close_seconds` and `stride_goals_attainments_finalized_total`.
    static func periodClosed(seconds: Double, owners: Int) {
        Metrics.Timer(label: "stride_goals_period_close_seconds").recordSeconds(seconds)
        Counter(label: "stride_goals_attainments_finalized_total").increment(by: owners)
    }
}
