import Foundation
import Hummingbird
import Logging
import StrideContracts
import StridePostgres
import StrideTestSupport
import Testing

@testable import StrideCoaching
@testable import StrideRuntime

/// Keeps `deploy/openapi/coaching.yaml` in step with the code: the routes `CoachingRoutes`
/// registers, the responses every operation documents, path parameters, references, and the
/// fields of the response models that are `Codable`. No database or broker: the routes are
/// recorded, not served.
@Suite("OpenAPI document (coaching)")
struct CoachingOpenAPITests {
    static let file = "deploy/openapi/coaching.yaml"

    let document: OpenAPIDocument

    init() throws {
        document = try OpenAPIDocument.load(named: "coaching.yaml")
    }

    // MARK: Routes

    @Test("every route CoachingRoutes registers is documented with its method and path, and no route twice")
    func registeredRoutesAreDocumented() async throws {
        let registered = try await Self.registeredRoutes()
        #expect(!registered.isEmpty)
        let documented = Set(document.operations.map { RouteRecorder.Route(method: $0.method, path: $0.path) })
        var seen: Set<RouteRecorder.Route> = []
        for route in registered where !seen.insert(route).inserted {
            Issue.record("\(route) is registered twice")
        }
        // One issue per missing route, so each is named on its own line of the report.
        for route in registered where !documented.contains(route) {
            Issue.record("\(route) is registered by CoachingRoutes but not documented in \(Self.file)")
        }
    }

    @Test("every documented operation is a route CoachingRoutes registers")
    func documentedOperationsExist() async throws {
        let registered = Set(try await Self.registeredRoutes())
        for operation in document.operations
        where !registered.contains(RouteRecorder.Route(method: operation.method, path: operation.path)) {
            Issue.record("\(operation.name) is documented in \(Self.file) but CoachingRoutes registers no such route")
        }
    }

    /// The routes as the service's wiring registers them on its API group (`StrideServiceBuilder`
    /// makes it with `router.group()`), in the OpenAPI template form (`:meetingID` as `{meetingID}`).
    static func registeredRoutes() async throws -> [RouteRecorder.Route] {
        let recorder = RouteRecorder()
        var logger = Logger(label: "stride.coaching.openapi-tests")
        logger.logLevel = .critical
        // Registering routes opens no connection; the pool only has to exist.
        let pool = PostgresPool(
            configuration: try PostgresConfiguration(url: "postgres://localhost/unused"), maxConnections: 1, logger: logger)
        let environment = ServiceEnvironment(
            name: "coaching", pool: pool, outbox: Outbox(schema: "coaching", source: "/stride/coaching"),
            directory: OrgDirectory(schema: "coaching"), logger: logger)
        CoachingRoutes(core: CoachingCore(environment: environment, settings: CoachingSettings())).register(on: recorder.group())
        await pool.close()
        return recorder.routes
    }

    // MARK: Operations

    @Test("every operation documents a problem+json 400; every /v1 operation the shared Unavailable 503")
    func boundaryAndOutageResponses() {
        let unavailable = "#/components/responses/Unavailable"
        #expect(document.target(of: unavailable)?["headers"]?["Retry-After"] != nil, "Unavailable documents no Retry-After")
        for operation in document.operations {
            let responses = operation.value["responses"]
            if let badRequest = responses?["400"].flatMap(document.resolved) {
                #expect(
                    badRequest["content"]?["application/problem+json"] != nil, "\(operation.name): its 400 is not application/problem+json")
            } else {
                Issue.record("\(operation.name) documents no 400 (StorableTextMiddleware answers 400 on every route)")
            }
            guard operation.path.hasPrefix("/v1/") else { continue }
            #expect(
                responses?["503"]?["$ref"]?.text == unavailable,
                "\(operation.name): its 503 must be `$ref: '\(unavailable)'`")
        }
    }

    @Test("every path placeholder is a declared path parameter, and the other way round")
    func pathParameters() {
        for operation in document.operations {
            let placeholders = OpenAPIDocument.placeholders(in: operation.path).sorted()
            let declared = document.pathParameters(of: operation).sorted()
            #expect(declared == placeholders, "\(operation.name): path parameters \(declared), placeholders \(placeholders)")
        }
    }

    @Test("every $ref points at something in the document")
    func references() {
        let references = OpenAPIDocument.references(in: document.root)
        #expect(!references.isEmpty)
        for reference in Set(references).sorted() where document.target(of: reference) == nil {
            Issue.record("$ref '\(reference)' in \(Self.file) resolves to nothing")
        }
    }

    // MARK: Schemas

    @Test("Codable response models encode exactly the schema's properties and require exactly its required fields",
          arguments: CodableResponses.schemaNames)
    func responseFields(schema: String) throws {
        let type = try #require(CodableResponses.type(of: schema), "no Swift type for \(schema)")
        for problem in try document.codableFieldProblems(of: schema, as: type) {
            Issue.record("\(problem) (\(Self.file))")
        }
    }

    @Test("lists are the runtime's pages: <Item>Page with items and next_cursor, <Item>List with items alone")
    func lists() throws {
        let page = try OpenAPIDocument.encodedKeys(of: Page(items: [String](), nextCursor: "eyJpZCI6MX0"))
        let lastPage = try OpenAPIDocument.encodedKeys(of: Page(items: [String](), nextCursor: nil))
        for (name, schema) in document.root["components"]?["schemas"]?.entries ?? []
        where name.hasSuffix("Page") || name.hasSuffix("List") {
            let item = OpenAPIDocument.schemaName(schema["properties"]?["items"]?["items"]?["$ref"]?.text)
            #expect(item.map { $0 + String(name.suffix(4)) } == name, "\(name) lists \(item ?? "nothing")")
            let fields = try #require(document.fields(ofSchema: name))
            #expect(fields.properties.sorted() == (name.hasSuffix("Page") ? page : lastPage), "properties of \(name)")
            #expect(fields.required.sorted() == lastPage, "required fields of \(name)")
        }
    }

    @Test("the views' enums list exactly the Swift enums' raw values")
    func viewEnums() {
        let properties = { (schema: String, property: String) in
            document.schema(schema)?["properties"]?[property]?["enum"]?.texts
        }
        #expect(properties("TimelineEntry", "kind") == TimelineEntry.Kind.allCases.map(\.rawValue))
        #expect(properties("TeamBoardRow", "cadence") == CheckInCadence.allCases.map(\.rawValue))
        let standings: [TeamBoardRow.CheckInStanding] = [.notStarted, .notDue, .due, .overdue]
        #expect(properties("TeamBoardRow", "check_in") == standings.map(\.rawValue))
    }

}

/// The response models that are `Codable`, by their schema name in the document. (The others are
/// `Encodable` only, built from store rows; their schemas are compared by the service tests'
/// responses, not here.)
enum CodableResponses {
    static let schemaNames = [
        "ProjectedGoal",
        "CheckIn", "CheckInCadence", "DueCheckIn",
        "ImprovementObjective", "SupportOffer", "GoalSuggestion", "FeedbackInterviewRecord",
        "TimelineEntry", "TeamBoardRow", "CompletionReportRow", "CompletionRate",
    ]

    static func type(of schema: String) -> (any Codable.Type)? {
        switch schema {
        case "ProjectedGoal": ProjectedGoal.self
        case "CheckIn": CheckIn.self
        case "CheckInCadence": CheckInCadenceView.self
        case "DueCheckIn": DueCheckIn.self
        case "ImprovementObjective": ImprovementObjective.self
        case "SupportOffer": SupportOfferResponse.self
        case "GoalSuggestion": GoalSuggestion.self
        case "FeedbackInterviewRecord": FeedbackInterviewDocument.self
        case "TimelineEntry": TimelineEntry.self
        case "TeamBoardRow": TeamBoardRow.self
        case "CompletionReportRow": CompletionReportRow.self
        case "CompletionRate": CompletionReportRow.Rate.self
        default: nil
        }
    }
}
