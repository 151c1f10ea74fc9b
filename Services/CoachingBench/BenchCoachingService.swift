import Foundation
import Logging
import StrideBenchKit
import StrideCoaching
import StrideContracts
import StrideKafka

/// The real coaching service, started in this process on a schema of its own
/// (`stride_bench_coaching_…`), reading goals and appraisal events from topics of its own so
/// that what a benchmark publishes reaches only this instance.
typealias BenchCoachingService = InProcessService<CoachingCore>

extension InProcessService where Core == CoachingCore {
    /// Creates the service's input topics (`partitions` each, as many as the catalog's topics
    /// get), then starts it.
    static func start(
        url: String, kafka: KafkaConfiguration, poolSize: Int, partitions: Int32 = 4, logger: Logger
    ) async throws -> BenchCoachingService {
        let suffix = UUID().uuidString.prefix(8).lowercased()
        var settings = CoachingSettings()
        settings.goalsTopic = "stride-bench.goals.\(suffix)"
        settings.appraisalTopic = "stride-bench.appraisal.\(suffix)"
        try await KafkaAdmin.createTopics([settings.goalsTopic, settings.appraisalTopic].flatMap {
            [KafkaTopicSpec(name: $0, partitions: partitions), KafkaTopicSpec(name: $0 + ".dlq", partitions: 1)]
        }, configuration: kafka, logger: logger)
        return try await start(prefix: "coaching", url: url, kafka: kafka, poolSize: poolSize, logger: logger) { schema, ready in
            CoachingService.definition(name: schema, settings: settings, ready: ready)
        }
    }
}
