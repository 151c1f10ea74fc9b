import Logging
import StrideBenchKit
import StrideGoals
import StrideKafka

/// The real goals service, started in this process on a schema of its own (`stride_bench_goals_…`).
typealias BenchGoalsService = InProcessService<GoalsCore>

extension InProcessService where Core == GoalsCore {
    /// Starts the goals service with default settings; see ``InProcessService/start(prefix:url:kafka:poolSize:logger:definition:)``.
    static func start(url: String, kafka: KafkaConfiguration, poolSize: Int, logger: Logger) async throws -> BenchGoalsService {
        try await start(prefix: "goals", url: url, kafka: kafka, poolSize: poolSize, logger: logger) { schema, ready in
            GoalsService.definition(name: schema, settings: GoalsSettings(), ready: ready)
        }
    }
}
