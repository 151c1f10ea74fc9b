import Foundation
import Logging
import StrideAppraisal
import StrideBenchKit
import StrideKafka
import StrideRuntime
import NIOCore
import NIOHTTP1

/// The real appraisal service, started in this process on a schema of its own
/// (`stride_bench_appraisal_…`), reading goals, coaching and org events from topics of its own so
/// that nothing another run publishes reaches it.
typealias BenchAppraisalService = InProcessService<AppraisalCore>

extension InProcessService where Core == AppraisalCore {
    /// Creates the service's input topics, then starts it.
    static func start(url: String, kafka: KafkaConfiguration, poolSize: Int, logger: Logger) async throws -> BenchAppraisalService {
        let suffix = UUID().uuidString.prefix(8).lowercased()
        var settings = AppraisalSettings()
        settings.goalsTopic = "stride-bench.goals.\(suffix)"
        settings.coachingTopic = "stride-bench.coaching.\(suffix)"
        settings.employeesTopic = "stride-bench.employees.\(suffix)"
        try await KafkaAdmin.createTopics([settings.goalsTopic, settings.coachingTopic, settings.employeesTopic].flatMap {
            [KafkaTopicSpec(name: $0, partitions: 4), KafkaTopicSpec(name: $0 + ".dlq", partitions: 1)]
        }, configuration: kafka, logger: logger)
        return try await start(prefix: "appraisal", url: url, kafka: kafka, poolSize: poolSize, logger: logger) { schema, ready in
            AppraisalService.definition(name: schema, settings: settings, ready: ready)
        }
    }

    /// Sends one JSON request as `subject` (HR unless told otherwise) and requires `status`.
    /// - Returns: the response body.
    @discardableResult
    func call(
        _ method: HTTPMethod, _ path: String, as subject: String = "bench-hr", roles: Set<Role> = [.employee, .hr],
        json: String? = nil, expect status: Int
    ) async throws -> String {
        let authorization = try await bearer(subject, roles: roles)
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
