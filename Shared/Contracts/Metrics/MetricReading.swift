import Foundation

/// A new value of a business metric from a CRM, ticketing or BI system (`stride.metrics.v1`,
/// key metric id). Goals updates every KPI goal bound to the metric.
public struct MetricReading: StrideEvent {
    public static let eventType = "stride.metrics.reading.recorded.v1"
    public static let topic = StrideTopic.metrics
    public var partitionKey: String { metricID }

    /// The system that measured it, e.g. `salesforce`.
    public var source: String
    /// The metric's id, as bound on KPI goals, e.g. `sales.emea.new-arr`.
    public var metricID: String
    /// The measured value (exact decimal string).
    @DecimalString public var value: Decimal
    /// The unit, e.g. `EUR`, `percent`, `tickets`, when the source states one.
    public var unit: String?
    /// When the value was measured (not when it was published).
    public var observedAt: Date

    /// Creates the event.
    public init(source: String, metricID: String, value: Decimal, unit: String?, observedAt: Date) {
        self.source = source
        self.metricID = metricID
        self.value = value
        self.unit = unit
        self.observedAt = observedAt
    }

    private enum CodingKeys: String, CodingKey {
        case source
        case metricID = "metric_id"
        case value
        case unit
        case observedAt = "observed_at"
    }
}
