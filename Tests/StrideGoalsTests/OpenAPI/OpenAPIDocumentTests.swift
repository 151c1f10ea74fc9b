import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import StrideContracts
import StridePostgres
import StrideTestSupport
import Testing

@testable import StrideGoals
@testable import StrideRuntime

/// Keeps `deploy/openapi/goals.yaml` in step with the code: the routes the service registers, the
/// fields its response and request types encode and decode, the enums' values, and the problem and
/// health bodies the runtime renders. No database or broker: the routes are recorded, not served.
@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    let document: OpenAPIDocument

    init() throws {
        document = try OpenAPIDocument.load(named: "goals.yaml")
    }

    // MARK: Routes

    @Test("documents exactly the routes the service registers, and no route twice")
    func routes() async throws {
        let registered = try await Self.registeredRoutes()
        let documented = document.operations.map { RouteRecorder.Route(method: $0.method, path: $0.path) }
        #expect(registered.count == Set(registered).count, "a route is registered twice: \(registered)")
        #expect(
            Set(registered).subtracting(documented).map(\.description).sorted() == [],
            "registered in code but missing from deploy/openapi/goals.yaml")
        #expect(
            Set(documented).subtracting(registered).map(\.description).sorted() == [],
            "in deploy/openapi/goals.yaml but not registered in code")
    }

    /// The routes as the service's own wiring registers them: the runtime's public routes
    /// (`StrideHTTPServer.makeRouter`) and the goals service's routes on the API group
    /// (`StrideServiceBuilder` makes it with `router.group()`).
    static func registeredRoutes() async throws -> [RouteRecorder.Route] {
        let recorder = RouteRecorder()
        HealthRoutes().register(on: recorder)
        MetricsRoutes(metrics: StrideMetrics()).register(on: recorder)
        var logger = Logger(label: "stride.goals.openapi-tests")
        logger.logLevel = .critical
        // Registering routes opens no connection; the pool only has to exist.
        let pool = PostgresPool(
            configuration: try PostgresConfiguration(url: "postgres://localhost/unused"), maxConnections: 1, logger: logger)
        let environment = ServiceEnvironment(
            name: "goals", pool: pool, outbox: Outbox(schema: "goals", source: "/stride/goals"),
            directory: OrgDirectory(schema: "goals"), logger: logger)
        try GoalsService.definition(settings: GoalsSettings()).makeParts(environment).routes(recorder.group())
        await pool.close()
        return recorder.routes
    }

    @Test("the API needs the bearer token and documents its 401; probes and metrics are public")
    func security() {
        #expect(document.root["security"]?.items.first?.keys == ["bearer"])
        let scheme = document.root["components"]?["securitySchemes"]?["bearer"]
        #expect(scheme?["type"]?.text == "http")
        #expect(scheme?["scheme"]?.text == "bearer")
        let roles = scheme?["description"]?.text ?? ""
        for role in Role.allCases {
            #expect(roles.contains("`\(role.rawValue)`"), "the bearer scheme does not describe role \(role.rawValue)")
        }
        for operation in document.operations {
            let overridden = operation.value["security"]
            if operation.path.hasPrefix("/v1/") {
                #expect(overridden == nil, "\(operation.name) must keep the bearer requirement")
                #expect(operation.value["responses"]?["401"] != nil, "\(operation.name) documents no 401")
            } else {
                #expect(overridden?.items.isEmpty == true, "\(operation.name) should say `security: []`")
            }
        }
    }

    @Test("every path placeholder is a declared path parameter, and the other way round")
    func pathParameters() {
        for operation in document.operations {
            #expect(
                document.pathParameters(of: operation).sorted() == OpenAPIDocument.placeholders(in: operation.path).sorted(),
                "\(operation.name)")
        }
    }

    @Test("each operation has one success response and the errors its inputs can cause")
    func responses() {
        let idempotencyKey = "#/components/parameters/IdempotencyKey"
        for operation in document.operations {
            let codes = operation.value["responses"]?.keys ?? []
            let success = codes.filter { $0.hasPrefix("2") }
            #expect(success.count == 1, "\(operation.name) has success responses \(success)")
            if operation.value["requestBody"] != nil {
                for code in ["400", "413", "415"] {
                    #expect(codes.contains(code), "\(operation.name) reads a body but documents no \(code)")
                }
            }
            let idempotent = operation.value["parameters"]?.items.contains { $0["$ref"]?.text == idempotencyKey } ?? false
            if idempotent {
                #expect(codes.contains("422"), "\(operation.name) takes an Idempotency-Key but documents no 422 for its reuse")
                let headers = success.first.flatMap { operation.value["responses"]?[$0]?["headers"] }
                #expect(headers?["Idempotent-Replayed"] != nil, "\(operation.name) does not document Idempotent-Replayed")
            }
            if success == ["201"] {
                #expect(idempotent, "\(operation.name) creates something but takes no Idempotency-Key")
            }
        }
    }

    @Test("every operation documents the boundary's 400; every operation that reads the database its 503 with Retry-After")
    func boundaryAndOutageResponses() throws {
        // StorableTextMiddleware runs on the router, before every route (probes and metrics too):
        // NUL in the path, a query parameter or a JSON body, and empty query values, are 400.
        // Every /v1 route reads the database; an outage is 503 with Retry-After, never 500.
        for operation in document.operations {
            let responses = operation.value["responses"]
            let badRequest = try #require(responses?["400"].flatMap(document.resolved), "\(operation.name) documents no 400")
            #expect(badRequest["content"]?["application/problem+json"] != nil, "\(operation.name): 400 is not problem+json")
            guard operation.path.hasPrefix("/v1/") else { continue }
            let unavailable = try #require(responses?["503"].flatMap(document.resolved), "\(operation.name) documents no 503")
            #expect(unavailable["content"]?["application/problem+json"] != nil, "\(operation.name): 503 is not problem+json")
            #expect(unavailable["headers"]?["Retry-After"] != nil, "\(operation.name): 503 without Retry-After")
        }
        let description = document.root["components"]?["responses"]?["BadRequest"]?["description"]?.text ?? ""
        for cause in ["NUL", "query parameter", "empty value"] {
            #expect(description.contains(cause), "BadRequest does not mention \(cause)")
        }
    }

    @Test("every $ref points at something in the document")
    func references() {
        let references = OpenAPIDocument.references(in: document.root)
        #expect(!references.isEmpty)
        #expect(references.filter { document.target(of: $0) == nil } == [])
    }

    // MARK: Schemas

    @Test("response schemas list exactly the fields the Swift types encode", arguments: ResponseSamples.schemaNames)
    func responseFields(schema: String) throws {
        let sample = try #require(ResponseSamples.sample(of: schema), "no sample of \(schema)")
        let fields = try #require(document.fields(ofSchema: schema), "no schema \(schema) in the document")
        #expect(try Self.keys(of: sample.full).sorted() == fields.properties.sorted(), "properties of \(schema)")
        #expect(try Self.keys(of: sample.minimal).sorted() == fields.required.sorted(), "required fields of \(schema)")
    }

    @Test("request schemas list exactly the fields the Swift types read, and which of them are required",
          arguments: RequestBodies.schemaNames)
    func requestFields(schema: String) throws {
        let fields = try #require(document.fields(ofSchema: schema), "no schema \(schema) in the document")
        let text = try #require(document.schema(schema)?["example"]?.text, "\(schema) has no example")
        let example = try #require(
            try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "the example of \(schema) is not a JSON object")
        try RequestBodies.decode(schema, from: Data(text.utf8))
        let log = KeyRecordingDecoder.Log()
        try RequestBodies.decode(schema, from: KeyRecordingDecoder(object: example, log: log))
        #expect(log.keys.sorted() == fields.properties.sorted(), "the fields \(schema)'s decoder reads")
        #expect(fields.required.subtracting(example.keys).sorted() == [], "the example of \(schema) lacks required fields")
        #expect(Set(example.keys).subtracting(fields.properties).sorted() == [], "the example of \(schema) has undocumented fields")
        for key in example.keys.sorted() {
            var body = example
            body[key] = nil
            let accepted = (try? RequestBodies.decode(schema, from: JSONSerialization.data(withJSONObject: body))) != nil
            #expect(accepted == !fields.required.contains(key), "\(schema) without \(key) is \(accepted ? "accepted" : "rejected")")
        }
    }

    @Test("every object a request or response carries is one the tests compare with the code")
    func coverage() {
        let bodies = document.operations.map(document.bodySchemas(of:))
        let requests = Set(bodies.flatMap(\.request))
        #expect(requests.sorted() == RequestBodies.schemaNames.sorted(), "request body schemas")
        let checked = Set(ResponseSamples.schemaNames + RequestBodies.schemaNames + OpenAPIDocument.renderedByRuntime)
        let carried = document.objectSchemas(reachableFrom: bodies.flatMap { $0.request + $0.responses })
        #expect(carried.subtracting(checked).sorted() == [], "object schemas no test compares with the code")
    }

    @Test("a list schema's items are what its name says (<Item>Page, <Item>List)")
    func listItems() {
        for (name, schema) in document.root["components"]?["schemas"]?.entries ?? []
        where name.hasSuffix("Page") || name.hasSuffix("List") {
            let item = OpenAPIDocument.schemaName(schema["properties"]?["items"]?["items"]?["$ref"]?.text)
            #expect(item.map { $0 + String(name.suffix(4)) } == name, "\(name) lists \(item ?? "nothing")")
        }
    }

    @Test("the enums list exactly the Swift enums' raw values")
    func enums() throws {
        let swift: [(schema: String, values: [String])] = [
            ("GoalStatus", GoalStatus.allCases.map(\.rawValue)),
            ("GoalLevel", GoalLevel.allCases.map(\.rawValue)),
            ("GoalKind", GoalKind.allCases.map(\.rawValue)),
            ("MetricDirection", MetricDirection.allCases.map(\.rawValue)),
            ("GoalPeriodKind", GoalPeriodKind.allCases.map(\.rawValue)),
            ("GoalPeriodStatus", GoalPeriod.Status.allCases.map(\.rawValue)),
            ("GoalAction", GoalAction.allCases.map(\.rawValue)),
            ("ProgressOrigin", ProgressOrigin.allCases.map(\.rawValue)),
        ]
        for (schema, values) in swift {
            #expect(document.schema(schema)?["enum"]?.texts == values, "\(schema)")
        }
        let transitions = try #require(document.schema("TransitionAction")?["enum"]?.texts)
        #expect(!transitions.isEmpty && Set(transitions).isSubset(of: GoalAction.allCases.map(\.rawValue)))
        let documented = (document.root["components"]?["schemas"]?.entries ?? []).filter { $0.value["enum"] != nil }.map(\.key)
        #expect(documented.sorted() == (swift.map(\.schema) + ["TransitionAction"]).sorted(), "enum schemas with no Swift counterpart")
    }

    // MARK: What the runtime renders

    @Test("problems and health bodies have exactly the documented fields; the public routes need no token")
    func runtimeBodies() async throws {
        let problems = try await document.runtimeBodyProblems()
        #expect(problems == [])
    }

    // MARK: Helpers


    /// The top-level keys `value` encodes to with the API's encoder.
    static func keys(of value: any Encodable) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: JSONBody.encoder.encode(value))
        return try #require(object as? [String: Any], "\(type(of: value)) does not encode to a JSON object").keys.sorted()
    }

}
