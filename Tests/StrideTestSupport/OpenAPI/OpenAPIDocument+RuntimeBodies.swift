import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StridePostgres
import StrideRuntime

extension OpenAPIDocument {
    /// Object schemas every service's document carries for what the runtime renders; checked by
    /// ``runtimeBodyProblems()`` rather than from samples.
    public static let renderedByRuntime = ["Problem", "FieldError", "Liveness", "Readiness", "NotReadyProblem", "ReadinessCheckResult"]

    /// How the bodies the runtime renders — problems (every field and the fewest), the database
    /// outage's 503 with `Retry-After`, readiness failed and ready, liveness — and the routes the
    /// document marks `security: []` (answering without a token) disagree with this document.
    /// - Returns: one line per disagreement; empty when the document is true to the runtime.
    public func runtimeBodyProblems() async throws -> [String] {
        struct Unreachable: Error {}
        var problems: [String] = []
        let failing = StrideHTTPServer.makeRouter(metrics: StrideMetrics(), readinessChecks: [
            ReadinessCheck("database") {}, ReadinessCheck("broker") { throw Unreachable() },
        ])
        failing.get("every-field") { _, _ -> HTTPResponse.Status in throw Problem.validation(field: "field", "expected a string") }
        failing.get("fewest-fields") { _, _ -> HTTPResponse.Status in throw Problem(status: .gone) }
        failing.get("database-down") { _, _ -> HTTPResponse.Status in
            throw PostgresError(code: .connection, message: "connection refused")
        }
        problems += try await Application(router: failing).test(.router) { client in
            var problems: [String] = []
            func check(_ object: [String: Any]?, matches schema: String, every: Bool, _ what: String) {
                problems += self.mismatch(object, schema: schema, every: every, what: what)
            }
            let full = try await Self.object(client.executeRequest(uri: "/every-field", method: .get, headers: [:], body: nil))
            check(full, matches: "Problem", every: true, "a problem with every field")
            let error = (full?["errors"] as? [[String: Any]])?.first
            check(error, matches: "FieldError", every: true, "a field error")
            check(error, matches: "FieldError", every: false, "a field error")
            let fewest = try await Self.object(client.executeRequest(uri: "/fewest-fields", method: .get, headers: [:], body: nil))
            check(fewest, matches: "Problem", every: false, "a problem with the fewest fields")
            let outage = try await client.executeRequest(uri: "/database-down", method: .get, headers: [:], body: nil)
            if outage.status != .serviceUnavailable { problems.append("a database outage answers \(outage.status), not 503") }
            if outage.headers[.retryAfter].flatMap({ Int($0) }).map({ $0 >= 1 }) != true {
                problems.append("the outage's 503 has no Retry-After, which Unavailable documents")
            }
            if outage.headers[.contentType] != "application/problem+json" { problems.append("the outage's 503 is not problem+json") }
            let outageProblem = try Self.object(outage)
            if outageProblem?["type"] as? String != "https://stride.dev/problems/unavailable" {
                problems.append("the outage's problem type is \(outageProblem?["type"] ?? "missing")")
            }
            if let required = fields(ofSchema: "Problem")?.required, let outageProblem {
                let missing = required.subtracting(outageProblem.keys).sorted()
                if !missing.isEmpty { problems.append("the 503 problem lacks required fields \(missing)") }
            }
            let notReady = try await Self.object(client.executeRequest(uri: "/health/ready", method: .get, headers: [:], body: nil))
            check(notReady, matches: "NotReadyProblem", every: true, "readiness failing")
            check(notReady, matches: "NotReadyProblem", every: false, "readiness failing")
            let checks = notReady?["checks"] as? [[String: Any]] ?? []
            check(checks.first { $0["status"] as? String == "failed" }, matches: "ReadinessCheckResult", every: true, "a failed check")
            check(checks.first { $0["status"] as? String == "ok" }, matches: "ReadinessCheckResult", every: false, "a passing check")
            return problems
        }
        let ready = StrideHTTPServer.makeRouter(metrics: StrideMetrics(), readinessChecks: [ReadinessCheck("database") {}])
        let unauthenticated = operations.filter { $0.value["security"] != nil }
        if unauthenticated.map(\.path).sorted() != ["/health/live", "/health/ready", "/metrics"] {
            problems.append("operations without a token: \(unauthenticated.map(\.path).sorted())")
        }
        problems += try await Application(router: ready).test(.router) { client in
            var problems: [String] = []
            func check(_ object: [String: Any]?, matches schema: String, every: Bool, _ what: String) {
                problems += self.mismatch(object, schema: schema, every: every, what: what)
            }
            for operation in unauthenticated {
                guard let method = HTTPRequest.Method(operation.method) else { continue }
                let response = try await client.executeRequest(uri: operation.path, method: method, headers: [:], body: nil)
                if response.status != .ok { problems.append("\(operation.name) answers \(response.status) without a token") }
            }
            let readiness = try await Self.object(client.executeRequest(uri: "/health/ready", method: .get, headers: [:], body: nil))
            check(readiness, matches: "Readiness", every: true, "readiness")
            check(readiness, matches: "Readiness", every: false, "readiness")
            let live = try await Self.object(client.executeRequest(uri: "/health/live", method: .get, headers: [:], body: nil))
            check(live, matches: "Liveness", every: true, "liveness")
            return problems
        }
        return problems
    }

    /// How `object` differs from the schema's properties (`every`) or its required fields.
    private func mismatch(_ object: [String: Any]?, schema: String, every: Bool, what: String) -> [String] {
        guard let object else { return ["\(what): not a JSON object"] }
        guard let fields = fields(ofSchema: schema) else { return ["no schema \(schema)"] }
        let documented = (every ? fields.properties : fields.required).sorted()
        guard object.keys.sorted() != documented else { return [] }
        return ["\(what): \(object.keys.sorted()) rendered, \(documented) documented as \(every ? "properties" : "required fields") of \(schema)"]
    }

    /// A response body as a JSON object, or `nil` when it is not one.
    static func object(_ response: TestResponse) throws -> [String: Any]? {
        try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
    }
}
