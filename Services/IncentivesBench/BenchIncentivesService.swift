import Foundation
import Logging
import NIOCore
import NIOHTTP1
import StrideBenchKit
import StrideIncentives
import StrideKafka
import StrideRuntime

/// The real incentives service, started in this process on a schema of its own
/// (`stride_bench_incentives_…`), reading and writing topics of its own so that nothing another
/// run publishes reaches it and its payroll topic holds only this run's changes.
typealias BenchIncentivesService = InProcessService<IncentivesCore>

extension InProcessService where Core == IncentivesCore {
    /// Creates the service's topics, then starts it.
    static func start(url: String, kafka: KafkaConfiguration, poolSize: Int, logger: Logger) async throws -> BenchIncentivesService {
        let suffix = UUID().uuidString.prefix(8).lowercased()
        var settings = IncentivesSettings()
        settings.appraisalTopic = "stride-bench.appraisal.\(suffix)"
        settings.coachingTopic = "stride-bench.coaching.\(suffix)"
        settings.employeesTopic = "stride-bench.employees.\(suffix)"
        settings.incentivesTopic = "stride-bench.incentives.\(suffix)"
        settings.payrollTopic = "stride-bench.payroll.\(suffix)"
        let inputs = [settings.appraisalTopic, settings.coachingTopic, settings.employeesTopic].flatMap {
            [KafkaTopicSpec(name: $0, partitions: 4), KafkaTopicSpec(name: $0 + ".dlq", partitions: 1)]
        }
        try await KafkaAdmin.createTopics(
            inputs + [settings.incentivesTopic, settings.payrollTopic].map { KafkaTopicSpec(name: $0, partitions: 4) },
            configuration: kafka, logger: logger)
        return try await start(prefix: "incentives", url: url, kafka: kafka, poolSize: poolSize, logger: logger) { schema, ready in
            IncentivesService.definition(name: schema, settings: settings, ready: ready)
        }
    }

    /// Sends one JSON request as HR and requires `status`. - Returns: the response body.
    @discardableResult
    func call(_ method: HTTPMethod, _ path: String, json: String? = nil, expect status: Int) async throws -> String {
        let authorization = try await bearer("bench-hr", roles: [.employee, .hr])
        let response = try await BenchHTTPConnection.with(host: "127.0.0.1", port: port) { connection in
            var headers = [("Authorization", authorization)]
            if json != nil {
                headers.append(("Content-Type", "application/json"))
                headers.append(("Idempotency-Key", UUID().uuidString))
            }
            return try await connection.send(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
        }
        guard response.status == status else {
            throw BenchError("\(method) \(path): \(response.status), expected \(status): \(response.text.prefix(500))")
        }
        return response.text
    }
}
