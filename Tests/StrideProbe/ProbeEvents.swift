import Foundation
import StrideContracts

/// The events the probe sends: metric readings numbered by `index`.
enum ProbeEvents {
    static func reading(_ index: Int) -> MetricReading {
        MetricReading(source: "probe", metricID: "metric-\(index)", value: Decimal(index), unit: nil,
                      observedAt: Date(timeIntervalSince1970: 1_790_000_000 + Double(index)))
    }

    static func metricID(of reading: MetricReading) -> String { reading.metricID }
}
