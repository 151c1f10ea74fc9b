import Foundation
import Hummingbird
import Logging
import StrideContracts
import StridePostgres
import StrideTestSupport
import Testing

@testable import StrideAppraisal
@testable import StrideRuntime

/// Keeps `deploy/openapi/appraisal.yaml` in step with the code: the routes the appraisal service
/// registers — behind authentication and the external reviewer's public link routes — the
/// responses every operation documents, security, `Idempotency-Key`, path parameters, references,
/// the fields of the `Codable` response models and of every request body. No database or broker:
/// the routes are recorded, not served.
@Suite("OpenAPI document (appraisal)")
struct AppraisalOpenAPITests {
    static let file = "deploy/openapi/appraisal.yaml"

    let document: OpenAPIDocument

    init() throws {
        document = try OpenAPIDocument.load(named: "appraisal.yaml")
    }

    // MARK: Routes

    @Test("every route the service registers, authenticated or public, is documented with its method and path, and no route twice")
    func registeredRoutesAreDocumented() async throws {
        let routes = try await Self.registeredRoutes()
        let registered = routes.authenticated + routes.public
        #expect(!routes.authenticated.isEmpty)
        #expect(!routes.public.isEmpty, "the external reviewer's link routes are registered as public routes")
        let documented = Set(document.operations.map { RouteRecorder.Route(method: $0.method, path: $0.path) })
        var seen: Set<RouteRecorder.Route> = []
        for route in registered where !seen.insert(route).inserted {
            Issue.record("\(route) is registered twice")
        }
        // One issue per missing route, so each is named on its own line of the report.
        for route in registered where !documented.contains(route) {
            Issue.record("\(route) is registered by the appraisal service but not documented in \(Self.file)")
        }
    }

    @Test("every documented operation is a route the service registers")
    func documentedOperationsExist() async throws {
        let routes = try await Self.registeredRoutes()
        let registered = Set(routes.authenticated + routes.public)
        for operation in document.operations
        where !registered.contains(RouteRecorder.Route(method: operation.method, path: operation.path)) {
            Issue.record("\(operation.name) is documented in \(Self.file) but the appraisal service registers no such route")
        }
    }

    /// The routes as `StrideServiceBuilder` registers the service's parts: `publicRoutes` on a
    /// plain `router.group()`, `routes` on the group behind `AuthenticationMiddleware`, each in the
    /// OpenAPI template form (`:cycleID` as `{cycleID}`).
    static func registeredRoutes() async throws -> (authenticated: [RouteRecorder.Route], public: [RouteRecorder.Route]) {
        var logger = Logger(label: "stride.appraisal.openapi-tests")
        logger.logLevel = .critical
        // Registering routes opens no connection; the pool only has to exist.
        let pool = PostgresPool(
            configuration: try PostgresConfiguration(url: "postgres://localhost/unused"), maxConnections: 1, logger: logger)
        let environment = ServiceEnvironment(
            name: "appraisal", pool: pool, outbox: Outbox(schema: "appraisal", source: "/stride/appraisal"),
            directory: OrgDirectory(schema: "appraisal"), logger: logger)
        let parts = AppraisalService.parts(of: AppraisalCore(environment: environment, settings: AppraisalSettings()))
        let publicRecorder = RouteRecorder()
        parts.publicRoutes(publicRecorder.group())
        let apiRecorder = RouteRecorder()
        parts.routes(apiRecorder.group())
        await pool.close()
        return (apiRecorder.routes, publicRecorder.routes)
    }

    // MARK: Operations

    @Test("authenticated operations keep the bearer requirement and document 401; the link routes say `security: []` and have no 401")
    func security() async throws {
        #expect(document.root["security"]?.items.first?.keys == ["bearer"])
        let scheme = document.root["components"]?["securitySchemes"]?["bearer"]
        #expect(scheme?["type"]?.text == "http")
        #expect(scheme?["scheme"]?.text == "bearer")
        let routes = try await Self.registeredRoutes()
        let open = Set(routes.public)
        for operation in document.operations {
            let responses = operation.value["responses"]
            if open.contains(RouteRecorder.Route(method: operation.method, path: operation.path)) {
                #expect(operation.value["security"]?.items.isEmpty == true, "\(operation.name) is public: it must say `security: []`")
                #expect(responses?["401"] == nil, "\(operation.name) is public: nothing answers 401")
                #expect(
                    document.pathParameters(of: operation).contains("token"),
                    "\(operation.name): the link's token is its proof and must be a documented path parameter")
            } else {
                #expect(operation.value["security"] == nil, "\(operation.name) must keep the bearer requirement")
                #expect(responses?["401"] != nil, "\(operation.name) documents no 401")
            }
        }
    }

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

    @Test("authenticated writes take an Idempotency-Key (IdempotentWrites) and document its replay and 422; the link's submission does not")
    func idempotentWrites() async throws {
        let key = "#/components/parameters/IdempotencyKey"
        let open = Set(try await Self.registeredRoutes().public)
        for operation in document.operations where operation.method != "GET" {
            let takesKey = operation.value["parameters"]?.items.contains { $0["$ref"]?.text == key } ?? false
            let responses = operation.value["responses"]
            let success = (responses?.keys ?? []).filter { $0.hasPrefix("2") }
            #expect(success.count == 1, "\(operation.name) has success responses \(success)")
            if open.contains(RouteRecorder.Route(method: operation.method, path: operation.path)) {
                #expect(!takesKey, "\(operation.name) does not go through IdempotentWrites; it ignores Idempotency-Key")
                continue
            }
            #expect(takesKey, "\(operation.name) goes through IdempotentWrites but documents no Idempotency-Key")
            #expect(responses?["422"] != nil, "\(operation.name) documents no 422 for a reused Idempotency-Key")
            for code in ["413", "415"] {
                #expect(responses?[code] != nil, "\(operation.name) reads a body (IdempotentWrites collects it) but documents no \(code)")
            }
            let headers = success.first.flatMap { responses?[$0]?["headers"] }
            #expect(headers?["Idempotent-Replayed"] != nil, "\(operation.name) does not document Idempotent-Replayed")
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

    @Test("request bodies: each example decodes, the schema lists exactly the keys the Swift type reads, and requires exactly those it cannot do without")
    func requestBodies() throws {
        var checked: Set<String> = []
        for operation in document.operations {
            guard let body = operation.value["requestBody"].flatMap(document.resolved) else { continue }
            let json = body["content"]?["application/json"]
            let schema = try #require(
                OpenAPIDocument.schemaName(json?["schema"]?["$ref"]?.text), "\(operation.name): its body is not a $ref to a schema")
            let fields = try #require(document.fields(ofSchema: schema), "no schema \(schema) in \(Self.file)")
            let text = try #require(json?["example"]?.text, "\(operation.name) has no body example")
            let example = try #require(
                try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(operation.name): the example is not a JSON object")
            #expect(RequestBodies.types[schema] != nil, "no Swift type for request schema \(schema)")
            // The example is a body the service accepts.
            try RequestBodies.decode(schema, from: Data(text.utf8))
            #expect(Set(example.keys).subtracting(fields.properties).sorted() == [], "\(operation.name): the example has undocumented fields")
            // The keys the type's decoder asks about, present or not, are the schema's properties.
            let log = KeyRecordingDecoder.Log()
            try RequestBodies.decode(schema, from: KeyRecordingDecoder(object: example, log: log))
            #expect(log.keys.sorted() == fields.properties.sorted(), "the fields \(schema)'s decoder reads")
            #expect(fields.required.subtracting(example.keys).sorted() == [], "\(operation.name): the example lacks required fields")
            // Leaving out a field is refused exactly when the schema requires it.
            for key in example.keys.sorted() {
                var without = example
                without[key] = nil
                let accepted = (try? RequestBodies.decode(schema, from: JSONSerialization.data(withJSONObject: without))) != nil
                #expect(accepted == !fields.required.contains(key), "\(schema) without \(key) is \(accepted ? "accepted" : "refused")")
            }
            checked.insert(schema)
        }
        #expect(checked.sorted() == RequestBodies.types.keys.sorted(), "request schemas the operations use")
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

    @Test("the enums list exactly the Swift enums' raw values")
    func enums() {
        let values = { (schema: String) in document.schema(schema)?["enum"]?.texts }
        #expect(values("CyclePhase") == CyclePhase.allCases.map(\.rawValue))
        #expect(values("RaterGroup") == RaterGroup.allCases.map(\.rawValue))
        #expect(values("TalentLevel") == TalentLevel.allCases.map(\.rawValue))
        #expect(values("DisputeResolution") == DisputeResolution.allCases.map(\.rawValue))
        #expect(values("ReviewStatus") == ReviewStatus.allCases.map(\.rawValue))
        #expect(values("DistributionStatus") == DistributionStatus.allCases.map(\.rawValue))
        let disputable = document.schema("NewDispute")?["properties"]?["disputed_fields"]?["items"]?["enum"]?.texts
        #expect(disputable?.sorted() == NewDispute.disputable.sorted())
        let disputeStatus = document.schema("Dispute")?["properties"]?["status"]?["enum"]?.texts
        #expect(disputeStatus == ["open"] + DisputeResolution.allCases.map(\.rawValue))
    }

}

/// The response models that are `Codable`, by their schema name in the document. (The others are
/// `Encodable` only, built from store rows. `ReviewContent` is left out: it reads `ratings` and
/// `comments` as optional but always writes them, so no one schema can say both.)
enum CodableResponses {
    static let schemaNames = [
        "BehaviouralAnchor", "RatingScale", "CompetencyWeight", "RaterGroupWeight", "RatingBand", "TemplateTerms",
        "PhaseSchedule", "CompetencyRating", "CompetencyComment",
        "ScoreExplanation", "GroupScore", "CompetencyAverage",
        "LevelShare", "DistributionGuideline", "DistributionCell", "NineBoxCell", "NineBoxGridCell",
    ]

    static func type(of schema: String) -> (any Codable.Type)? {
        switch schema {
        case "BehaviouralAnchor": BehaviouralAnchor.self
        case "RatingScale": RatingScale.self
        case "CompetencyWeight": CompetencyWeight.self
        case "RaterGroupWeight": RaterGroupWeight.self
        case "RatingBand": RatingBand.self
        case "TemplateTerms": TemplateTerms.self
        case "PhaseSchedule": PhaseSchedule.self
        case "CompetencyRating": CompetencyRating.self
        case "CompetencyComment": CompetencyComment.self
        case "ScoreExplanation": ScoreExplanation.self
        case "GroupScore": GroupScore.self
        case "CompetencyAverage": CompetencyAverage.self
        case "LevelShare": LevelShare.self
        case "DistributionGuideline": DistributionGuideline.self
        case "DistributionCell": DistributionCell.self
        case "NineBoxCell": NineBoxCell.self
        case "NineBoxGridCell": NineBoxGridCell.self
        default: nil
        }
    }
}

/// The request body types the routes decode, by their schema name in the document.
enum RequestBodies {
    static let types: [String: any Decodable.Type] = [
        "NewCompetency": NewCompetency.self,
        "CompetencyDefinition": CompetencyDefinition.self,
        "TemplateDraft": TemplateDraft.self,
        "NewCycle": NewCycle.self,
        "PhaseChange": PhaseChange.self,
        "PotentialBody": PotentialBody.self,
        "AcknowledgementBody": AcknowledgementBody.self,
        "ReviewContent": ReviewContent.self,
        "DeclineBody": DeclineBody.self,
        "NewCalibrationSession": NewCalibrationSession.self,
        "AdjustmentBody": AdjustmentBody.self,
        "NominationBody": NominationBody.self,
        "NominationDecisionBody": NominationDecisionBody.self,
        "NewDispute": NewDispute.self,
        "DisputeResolutionBody": DisputeResolutionBody.self,
    ]

    /// Decodes a body as the route does (``StrideJSONRequestDecoder``).
    static func decode(_ schema: String, from body: Data) throws {
        let type = try #require(types[schema], "no Swift type for \(schema)")
        _ = try StrideJSONRequestDecoder.decode(type, from: body)
    }

    /// Decodes with `decoder` (a ``KeyRecordingDecoder``), to learn which keys the type reads.
    static func decode(_ schema: String, from decoder: any Decoder) throws {
        let type = try #require(types[schema], "no Swift type for \(schema)")
        _ = try type.init(from: decoder)
    }
}
