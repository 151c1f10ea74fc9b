import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import StrideContracts
import StrideTestSupport
import Testing

@testable import StrideIncentives
@testable import StridePostgres
@testable import StrideRuntime

/// Keeps `deploy/openapi/incentives.yaml` in step with the code: the routes the incentives
/// service and the runtime register, security, the responses every operation documents,
/// `Idempotency-Key`, path parameters, references, the fields of every response model — the
/// `Codable` ones from the document's own samples, the `Encodable` ones built from store rows as
/// PostgreSQL returns them — and of every request body, the enums, the lists, the events the
/// writes name, and the problem and health bodies the runtime renders. No database or broker: the
/// routes are recorded, not served.
@Suite("OpenAPI document (incentives)")
struct IncentivesOpenAPITests {
    static let file = "deploy/openapi/incentives.yaml"

    let document: OpenAPIDocument

    init() throws {
        document = try OpenAPIDocument.load(named: "incentives.yaml")
    }

    // MARK: Routes

    @Test("every route the service and the runtime register is documented with its method and path, and no route twice")
    func registeredRoutesAreDocumented() async throws {
        let routes = try await Self.registeredRoutes()
        #expect(routes.public.isEmpty, "the incentives service has no routes outside authentication: \(routes.public)")
        let registered = routes.operations + routes.api + routes.public
        let documented = Set(document.operations.map { RouteRecorder.Route(method: $0.method, path: $0.path) })
        var seen: Set<RouteRecorder.Route> = []
        for route in registered where !seen.insert(route).inserted {
            Issue.record("\(route) is registered twice")
        }
        // One issue per missing route, so each is named on its own line of the report.
        for route in registered where !documented.contains(route) {
            Issue.record("\(route) is registered but not documented in \(Self.file)")
        }
    }

    @Test("every documented operation is a route the service or the runtime registers")
    func documentedOperationsExist() async throws {
        let routes = try await Self.registeredRoutes()
        let registered = Set(routes.operations + routes.api + routes.public)
        for operation in document.operations
        where !registered.contains(RouteRecorder.Route(method: operation.method, path: operation.path)) {
            Issue.record("\(operation.name) is documented in \(Self.file) but nothing registers such a route")
        }
    }

    /// The routes as a running service has them: the runtime's probes and metrics
    /// (`StrideHTTPServer.makeRouter`), the service's `publicRoutes` on a plain `router.group()`
    /// and its `routes` on the group behind `AuthenticationMiddleware` (`StrideServiceBuilder`),
    /// each in the OpenAPI template form (`:cycleID` as `{cycleID}`).
    static func registeredRoutes() async throws -> (operations: [RouteRecorder.Route], api: [RouteRecorder.Route], public: [RouteRecorder.Route]) {
        let operationsRecorder = RouteRecorder()
        HealthRoutes().register(on: operationsRecorder)
        MetricsRoutes(metrics: StrideMetrics()).register(on: operationsRecorder)
        var logger = Logger(label: "stride.incentives.openapi-tests")
        logger.logLevel = .critical
        // Registering routes opens no connection; the pool only has to exist.
        let pool = PostgresPool(
            configuration: try PostgresConfiguration(url: "postgres://localhost/unused"), maxConnections: 1, logger: logger)
        let environment = ServiceEnvironment(
            name: "incentives", pool: pool, outbox: Outbox(schema: "incentives", source: "/stride/incentives"),
            directory: OrgDirectory(schema: "incentives"), logger: logger)
        let parts = IncentivesService.parts(of: IncentivesCore(environment: environment, settings: IncentivesSettings()))
        let publicRecorder = RouteRecorder()
        parts.publicRoutes(publicRecorder.group())
        let apiRecorder = RouteRecorder()
        parts.routes(apiRecorder.group())
        await pool.close()
        return (operationsRecorder.routes, apiRecorder.routes, publicRecorder.routes)
    }

    // MARK: Operations

    @Test("every /v1 operation keeps the bearer requirement and documents 401; probes and metrics say `security: []`; the roles are described")
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
            let responses = operation.value["responses"]
            if operation.path.hasPrefix("/v1/") {
                #expect(operation.value["security"] == nil, "\(operation.name) must keep the bearer requirement")
                #expect(responses?["401"] != nil, "\(operation.name) documents no 401")
            } else {
                #expect(operation.value["security"]?.items.isEmpty == true, "\(operation.name) takes no token: it must say `security: []`")
                #expect(responses?["401"] == nil, "\(operation.name) takes no token: nothing answers 401")
            }
        }
    }

    @Test("every operation documents a problem+json 400; every /v1 operation the shared Unavailable 503")
    func boundaryAndOutageResponses() {
        let unavailable = "#/components/responses/Unavailable"
        #expect(document.target(of: unavailable)?["headers"]?["Retry-After"] != nil, "Unavailable documents no Retry-After")
        let description = document.root["components"]?["responses"]?["BadRequest"]?["description"]?.text ?? ""
        for cause in ["NUL", "query parameter", "empty value"] {
            #expect(description.contains(cause), "BadRequest does not mention \(cause)")
        }
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

    @Test("every write takes an Idempotency-Key (IdempotentWrites) and documents its replay, its 422 and the body errors; every operation has one success")
    func idempotentWrites() {
        let key = "#/components/parameters/IdempotencyKey"
        for operation in document.operations {
            let responses = operation.value["responses"]
            let success = (responses?.keys ?? []).filter { $0.hasPrefix("2") }
            #expect(success.count == 1, "\(operation.name) has success responses \(success)")
            guard operation.method != "GET" else { continue }
            let takesKey = operation.value["parameters"]?.items.contains { $0["$ref"]?.text == key } ?? false
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

    @Test("every write says what it emits, and the document names every event the service produces")
    func events() throws {
        for operation in document.operations where operation.method != "GET" {
            let description = operation.value["description"]?.text ?? ""
            #expect(description.contains("Emits") || description.contains("emits"), "\(operation.name) does not say what it emits")
        }
        let produced: [any StrideEvent.Type] = [
            MeritRecommended.self, BonusRecommended.self, PromotionRecommended.self, DevelopmentActionRecommended.self,
            ConsequenceReviewRequired.self, RecommendationAdjusted.self, RecommendationApproved.self,
            CompensationChangeApproved.self, CompensationChangeReversed.self,
        ]
        let text = try String(contentsOf: OpenAPIDocument.locate(named: "incentives.yaml"), encoding: .utf8)
        for event in produced {
            #expect(text.contains("`\(event)`"), "\(Self.file) never names \(event)")
            #expect(text.contains("`\(event.topic.rawValue)`"), "\(Self.file) never names the topic \(event.topic.rawValue)")
        }
    }

    // MARK: Schemas

    @Test("Codable plan and value models encode exactly the schema's properties and require exactly its required fields",
          arguments: CodableModels.schemaNames)
    func codableFields(schema: String) throws {
        let type = try #require(CodableModels.type(of: schema), "no Swift type for \(schema)")
        for problem in try document.codableFieldProblems(of: schema, as: type) {
            Issue.record("\(problem) (\(Self.file))")
        }
    }

    @Test("Money and SalaryBand encode exactly the schema's properties and require exactly its required fields",
          arguments: ["Money", "SalaryBand"])
    func moneyFields(schema: String) throws {
        let type: any Codable.Type = schema == "Money" ? Money.self : SalaryBand.self
        // The samples write "text" for a plain string; Money accepts only an ISO 4217 code.
        let problems = try document.codableFieldProblems(of: schema, as: type) { Self.withCurrencies($0) as? [String: Any] ?? $0 }
        for problem in problems {
            Issue.record("\(problem) (\(Self.file))")
        }
    }

    /// The models whose decoder fills in defaults that their encoder always writes back: the
    /// document says each twice, as HR sends it (`New…`, checked with the request bodies) and as
    /// the cycle answers with it.
    static let withDefaults: [String: (sent: String, type: any Codable.Type)] = [
        "CompensationPlan": ("NewCompensationPlan", CompensationPlan.self),
        "PromotionRule": ("NewPromotionRule", PromotionRule.self),
    ]

    @Test("the plan and promotion rule a cycle answers with carry every field, defaults filled in (`promotion` only when set)",
          arguments: ["CompensationPlan", "PromotionRule"])
    func inForce(schema: String) throws {
        let model = try #require(Self.withDefaults[schema], "no Swift type for \(schema)")
        for problem in try encodedFieldProblems(of: schema, as: model.type) {
            Issue.record("\(problem) (\(Self.file))")
        }
        #expect(
            document.fields(ofSchema: model.sent)?.properties == document.fields(ofSchema: schema)?.properties,
            "\(model.sent) and \(schema) are one model: they list the same fields")
    }

    @Test("Encodable response models, built from store rows, encode exactly the schema's properties; with every NULL column NULL, exactly its required fields",
          arguments: EncodedResponses.schemaNames)
    func encodedFields(schema: String) throws {
        let fields = try #require(document.fields(ofSchema: schema), "no schema \(schema) in \(Self.file)")
        let samples = try EncodedResponses.samples(of: schema, plan: try planExample())
        let full = try OpenAPIDocument.encodedKeys(of: samples.full)
        #expect(full == fields.properties.sorted(), "properties of \(schema) vs \(type(of: samples.full)): \(full) encoded")
        let minimal = try OpenAPIDocument.encodedKeys(of: samples.minimal)
        #expect(minimal == fields.required.sorted(), "required fields of \(schema) vs \(type(of: samples.minimal)): \(minimal) encoded")
    }

    @Test("request bodies: each example decodes, the schema lists exactly the keys the Swift type reads, and requires exactly those it cannot do without")
    func requestBodies() throws {
        var checked: Set<String> = []
        for operation in document.operations {
            guard let body = operation.value["requestBody"].flatMap(document.resolved) else { continue }
            let json = body["content"]?["application/json"]
            let schema = try #require(
                OpenAPIDocument.schemaName(json?["schema"]?["$ref"]?.text), "\(operation.name): its body is not a $ref to a schema")
            let text = try #require(json?["example"]?.text, "\(operation.name) has no body example")
            let example = try #require(
                try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(operation.name): the example is not a JSON object")
            // The example is a body the service accepts.
            try RequestBodies.decode(schema, from: Data(text.utf8))
            try expectDecodedFields(of: schema, example: example, label: operation.name)
            checked.insert(schema)
        }
        #expect(checked.sorted() == RequestBodies.topLevel.sorted(), "request schemas the operations use")
    }

    @Test("the plan and promotion rule HR sends: each schema lists exactly the keys the decoder reads, and requires exactly those it cannot do without")
    func newPlan() throws {
        let plan = try planExample()
        let promotion = try #require(plan["promotion"] as? [String: Any], "the example plan has no promotion rule")
        for (schema, example) in [("NewCompensationPlan", plan), ("NewPromotionRule", promotion)] {
            try expectDecodedFields(of: schema, example: example, label: "\(schema) in the example of POST /v1/comp-cycles")
            #expect(Set(example.keys) == document.fields(ofSchema: schema)?.properties, "the example shows every field of \(schema)")
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
        // A paginated route documents limit and cursor; a whole list neither.
        for operation in document.operations where operation.method == "GET" {
            let schemas = document.bodySchemas(of: operation).responses
            let parameters = Set((operation.value["parameters"]?.items ?? []).compactMap { $0["$ref"]?.text })
            let paged = parameters.isSuperset(of: ["#/components/parameters/Limit", "#/components/parameters/Cursor"])
            if schemas.contains(where: { $0.hasSuffix("Page") }) {
                #expect(paged, "\(operation.name) answers a page but documents no limit and cursor")
            } else {
                #expect(parameters.isDisjoint(with: ["#/components/parameters/Limit", "#/components/parameters/Cursor"]),
                        "\(operation.name) takes no limit or cursor")
            }
        }
    }

    @Test("the enums list exactly the Swift enums' raw values, and no enum schema lacks a Swift counterpart")
    func enums() {
        let swift: [(schema: String, values: [String])] = [
            ("SalaryZone", SalaryZone.allCases.map(\.rawValue)),
            ("TalentLevel", TalentLevel.allCases.map(\.rawValue)),
            ("RecommendationKind", RecommendationKindFilter.allCases.map(\.rawValue)),
            ("RecommendationStatus", RecommendationStatusFilter.allCases.map(\.rawValue)),
            ("CompensationChangeKind", CompensationChangeKind.allCases.map(\.rawValue)),
            ("DevelopmentActionKind", DevelopmentActionKind.allCases.map(\.rawValue)),
            ("ConsequenceTrigger", ConsequenceTrigger.allCases.map(\.rawValue)),
            ("ConsequenceReviewStatus", ConsequenceStatusFilter.allCases.map(\.rawValue)),
        ]
        for (schema, values) in swift {
            #expect(document.schema(schema)?["enum"]?.texts == values, "\(schema)")
        }
        let documented = (document.root["components"]?["schemas"]?.entries ?? []).filter { $0.value["enum"] != nil }.map(\.key)
        #expect(documented.sorted() == swift.map(\.schema).sorted(), "enum schemas with no Swift counterpart")
        // Every recommendation kind the filter accepts is one the contracts know.
        #expect(Set(RecommendationKindFilter.allCases.map(\.rawValue)).isSubset(of: RecommendationKind.allCases.map(\.rawValue)))
        let decision = { (schema: String) in document.schema(schema)?["properties"]?["decision"]?["enum"]?.texts }
        #expect(decision("AdjustmentDecisionBody") == AdjustmentDecisionBody.Decision.allCases.map(\.rawValue))
        #expect(decision("PromotionDecisionBody") == PromotionDecisionBody.Decision.allCases.map(\.rawValue))
    }

    @Test("every object a request or response carries is one the tests compare with the code")
    func coverage() {
        let bodies = document.operations.map(document.bodySchemas(of:))
        let lists = (document.root["components"]?["schemas"]?.keys ?? []).filter { $0.hasSuffix("Page") || $0.hasSuffix("List") }
        let checked = Set(
            CodableModels.schemaNames + ["Money", "SalaryBand"] + Self.withDefaults.keys + Self.withDefaults.values.map(\.sent)
                + EncodedResponses.schemaNames + RequestBodies.topLevel + OpenAPIDocument.renderedByRuntime + lists)
        let carried = document.objectSchemas(reachableFrom: bodies.flatMap { $0.request + $0.responses })
        #expect(carried.subtracting(checked).sorted() == [], "object schemas no test compares with the code")
    }

    // MARK: What the runtime renders

    @Test("problems and health bodies have exactly the documented fields; the public routes need no token")
    func runtimeBodies() async throws {
        let problems = try await document.runtimeBodyProblems()
        #expect(problems == [])
    }

    // MARK: Helpers

    /// The plan of the `POST /v1/comp-cycles` example.
    func planExample() throws -> [String: Any] {
        let operation = try #require(document.operations.first { $0.method == "POST" && $0.path == "/v1/comp-cycles" })
        let text = try #require(operation.value["requestBody"]?["content"]?["application/json"]?["example"]?.text)
        let body = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return try #require(body["plan"] as? [String: Any], "the example of POST /v1/comp-cycles has no plan")
    }

    /// Whether `schema` lists exactly the keys its Swift type's decoder asks about and requires
    /// exactly those the type cannot do without (leaving each of the example's keys out in turn).
    func expectDecodedFields(
        of schema: String, example: [String: Any], label: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let fields = try #require(document.fields(ofSchema: schema), "no schema \(schema) in \(Self.file)", sourceLocation: sourceLocation)
        #expect(
            Set(example.keys).subtracting(fields.properties).sorted() == [], "\(label): the example has undocumented fields",
            sourceLocation: sourceLocation)
        #expect(
            fields.required.subtracting(example.keys).sorted() == [], "\(label): the example lacks required fields",
            sourceLocation: sourceLocation)
        // The keys the type's decoder asks about, present or not, are the schema's properties.
        let log = KeyRecordingDecoder.Log()
        try RequestBodies.decode(schema, from: KeyRecordingDecoder(object: example, log: log))
        #expect(log.keys.sorted() == fields.properties.sorted(), "the fields \(schema)'s decoder reads", sourceLocation: sourceLocation)
        // Leaving out a field is refused exactly when the schema requires it.
        for key in example.keys.sorted() {
            var without = example
            without[key] = nil
            let accepted = (try? RequestBodies.decode(schema, from: JSONSerialization.data(withJSONObject: without))) != nil
            #expect(
                accepted == !fields.required.contains(key), "\(schema) without \(key) is \(accepted ? "accepted" : "refused")",
                sourceLocation: sourceLocation)
        }
    }

    /// How a model whose decoder fills in defaults disagrees with the schema of what it answers
    /// with: with every property set it encodes exactly the schema's properties, with only the
    /// required ones exactly those (it does decode without the others: that is the `New…` schema's
    /// business).
    func encodedFieldProblems<T: Codable>(of schema: String, as type: T.Type) throws -> [String] {
        let fields = try #require(document.fields(ofSchema: schema), "no schema \(schema) in \(Self.file)")
        var problems: [String] = []
        let encodedFull = try OpenAPIDocument.roundTrip(type, try document.sampleObject(ofSchema: schema, fields: .all)).sorted()
        if encodedFull != fields.properties.sorted() {
            problems.append("properties of \(schema) vs \(type): \(encodedFull) encoded, \(fields.properties.sorted()) documented")
        }
        let encodedMinimal = try OpenAPIDocument.roundTrip(type, try document.sampleObject(ofSchema: schema, fields: .required)).sorted()
        if encodedMinimal != fields.required.sorted() {
            problems.append("required fields of \(schema) vs \(type): \(encodedMinimal) encoded, \(fields.required.sorted()) documented")
        }
        return problems
    }

    /// `value` with every `currency` string set to `EUR`, at every level.
    static func withCurrencies(_ value: Any) -> Any {
        if var object = value as? [String: Any] {
            for (key, item) in object { object[key] = key == "currency" && item is String ? "EUR" : withCurrencies(item) }
            return object
        }
        if let array = value as? [Any] { return array.map(withCurrencies) }
        return value
    }


}

/// The `Codable` models of the plan and the shared values, by their schema name in the document.
/// (`Money` and `SalaryBand` need ISO currency codes in their samples; `CompensationPlan` and
/// `PromotionRule` read defaults they always write back. Each of those has its own test.)
enum CodableModels {
    static let schemaNames = [
        "MeritRange", "MeritCell", "DepartmentBudget", "BonusTarget", "IndividualMultiplier", "DevelopmentOffer", "Rating",
    ]

    static func type(of schema: String) -> (any Codable.Type)? {
        switch schema {
        case "MeritRange": MeritRange.self
        case "MeritCell": MeritMatrix.Cell.self
        case "DepartmentBudget": CompensationPlan.DepartmentBudget.self
        case "BonusTarget": CompensationPlan.BonusTarget.self
        case "IndividualMultiplier": CompensationPlan.IndividualMultiplier.self
        case "DevelopmentOffer": CompensationPlan.DevelopmentOffer.self
        case "Rating": Rating.self
        default: nil
        }
    }
}

/// The request body types the routes decode, by their schema name in the document.
enum RequestBodies {
    static let types: [String: any Decodable.Type] = [
        "NewCompCycle": NewCompCycle.self,
        "NewCompensationPlan": CompensationPlan.self,
        "NewPromotionRule": PromotionRule.self,
        "AdjustmentBody": AdjustmentBody.self,
        "AdjustmentDecisionBody": AdjustmentDecisionBody.self,
        "ApprovalBody": ApprovalBody.self,
        "PromotionDecisionBody": PromotionDecisionBody.self,
        "ConsequenceDecisionBody": ConsequenceDecisionBody.self,
    ]

    /// The schemas that are a route's whole body (`NewCompensationPlan` is `NewCompCycle.plan`,
    /// `NewPromotionRule` its `promotion`).
    static var topLevel: [String] { types.keys.filter { !["NewCompensationPlan", "NewPromotionRule"].contains($0) } }

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

/// The response models that are `Encodable` only, by their schema name in the document: the
/// store's row types are built from rows as PostgreSQL returns them (every column as text), the
/// others from those. The columns are the ones each `init(row:)` asks for, found by asking;
/// the minimal sample has every column `NULL` that `init(row:)` accepts as `NULL`.
enum EncodedResponses {
    static let schemaNames = [
        "CompCycle", "DepartmentBudgetView", "RunSummary", "CompensationLetter", "Recommendation", "Adjustment", "DepartmentApproval",
        "CompensationChange", "Promotion", "DevelopmentAction", "ConsequenceReview",
    ]

    /// A full and a minimal value of the model of `schema`; `plan` is a plan as HR sends it.
    static func samples(of schema: String, plan: [String: Any]) throws -> (full: any Encodable, minimal: any Encodable) {
        let planText = String(decoding: try JSONSerialization.data(withJSONObject: plan), as: UTF8.self)
        switch schema {
        case "CompCycle": return pair(try rows(["plan": planText], CompCycle.init(row:)))
        case "DepartmentBudgetView": return pair(try rows([:], DepartmentBudgetView.init(row:)))
        case "Recommendation": return pair(try rows([:], Recommendation.init(row:)))
        case "Adjustment": return pair(try rows([:], AdjustmentRecord.init(row:)))
        case "CompensationChange": return pair(try rows([:], CompensationChange.init(row:)))
        case "Promotion": return pair(try rows([:], PromotionRecord.init(row:)))
        case "DevelopmentAction": return pair(try rows([:], DevelopmentActionRecord.init(row:)))
        case "ConsequenceReview": return pair(try rows([:], ConsequenceReviewRecord.init(row:)))
        case "RunSummary":
            let budget = try rows([:], DepartmentBudgetView.init(row:)).full
            let summary = RunSummary(
                compCycleID: "c1", run: 1, meritRecommendations: 1, bonusRecommendations: 1, unrated: 0, withoutMatrixCell: 0,
                promotionsRecommended: 0, developmentActionsRecommended: 0, consequenceReviewsRequired: 0, budgets: [budget])
            return (summary, summary)
        case "DepartmentApproval":
            let budget = try rows([:], DepartmentBudgetView.init(row:)).full
            let approval = DepartmentApproval(
                compCycleID: "c1", department: "Sales", approvedRecommendations: 1, compensationChanges: 1, budgets: [budget])
            return (approval, approval)
        case "CompensationLetter":
            let eur = { (amount: Decimal) in Money(amount: amount, currency: "EUR") }
            let day = CalendarDate(year: 2027, month: 4, day: 1)
            let full = CompensationLetter(
                compCycleID: "c1", cycleName: "2026 compensation review", employeeID: "e1",
                rating: Rating(level: 3, label: "Meets expectations", scaleMaximum: 5), currentSalary: eur(60_000), meritPercent: 3,
                meritIncrease: eur(1_800), lumpSum: eur(0), newSalary: eur(61_800), effectiveDate: day, bonus: eur(6_600),
                payoutDate: day, promotion: try rows([:], PromotionRecord.init(row:)).full,
                changes: [try rows([:], CompensationChange.init(row:)).full])
            let minimal = CompensationLetter(
                compCycleID: "c1", cycleName: "2026 compensation review", employeeID: "e1", rating: nil, currentSalary: nil,
                meritPercent: nil, meritIncrease: nil, lumpSum: nil, newSalary: nil, effectiveDate: day, bonus: nil, payoutDate: day,
                promotion: nil, changes: [])
            return (full, minimal)
        default:
            throw OpenAPIShapeError("no sample of \(schema)")
        }
    }

    /// The two samples as the test compares them.
    static func pair<T: Encodable>(_ samples: (full: T, minimal: T)) -> (full: any Encodable, minimal: any Encodable) {
        (samples.full, samples.minimal)
    }

    /// Column text by column name, as PostgreSQL writes it; any other column is plain text.
    static let columnText: [String: String] = [
        "currency": "EUR", "kind": "merit", "zone": "q2", "status": "proposed", "potential": "high", "trigger": "repeated_low_rating",
        "action_kind": "training", "low_rating_cycles": "{ac-2025,ac-2026}",
        "appraisal_version": "1", "rating_level": "3", "scale_max": "5", "version": "2", "sequence": "1", "runs": "1",
        "headcount": "3", "pending_adjustments": "0", "high_ratings": "2", "current_level": "2", "target_level": "3",
        "salary": "60000", "band_min": "50000", "band_mid": "62000", "band_max": "75000", "proration": "1",
        "minimum_percent": "2", "guideline_percent": "3", "maximum_percent": "4", "target_percent": "10",
        "individual_multiplier": "1.25", "plan_amount": "6600", "fit": "1", "percent": "3", "amount": "1800", "lump_sum": "0",
        "new_salary": "61800", "previous_percent": "2.5", "previous_amount": "1500", "previous_salary": "60000",
        "increase_percent": "10", "base_payroll": "180000", "merit_pool": "5400", "merit_spend": "5300", "merit_fit": "0.95",
        "merit_minimum_cost": "3600", "bonus_pool": "21600", "bonus_spend": "19800", "bonus_fit": "1",
        "within_guidelines": "t", "merit_short": "f",
        "period_start": "2026-01-01", "period_end": "2026-12-31", "effective_date": "2027-04-01", "payout_date": "2027-03-31",
        "approved_at": "2027-03-15 12:00:00+00", "decided_at": "2027-03-15 12:00:00+00", "created_at": "2027-03-01 09:30:00+00",
        "reversed_at": "2027-05-02 08:00:00+00", "last_run_at": "2027-03-02 10:00:00+00", "released_at": "2027-04-15 10:00:00+00",
    ]

    /// The model `make` builds from a full row, and from the row with every column `NULL` it allows.
    static func rows<T: Encodable>(_ extra: [String: String], _ make: (PostgresRow) throws -> T) throws -> (full: T, minimal: T) {
        var names: [String] = []
        var cells: [String?] = []
        func row() -> PostgresRow {
            let storage = PostgresRows.Storage(
                columnNames: names, columnTypes: names.map { _ in .unspecified }, cells: cells)
            return PostgresRow(storage: storage, row: 0)
        }
        // Add each column `make` asks for until it has them all.
        var full: T?
        while full == nil {
            do {
                full = try make(row())
            } catch let error as PostgresError where error.message.contains("is not in the result") {
                let column = try #require(error.column, "\(error)")
                try #require(!names.contains(column), "\(T.self) asks for \(column) twice")
                names.append(column)
                cells.append(extra[column] ?? columnText[column] ?? "\(column)-1")
            }
        }
        // Then set each column NULL that `make` still accepts as NULL.
        for index in cells.indices {
            let kept = cells[index]
            cells[index] = nil
            if (try? make(row())) == nil { cells[index] = kept }
        }
        return (try #require(full), try make(row()))
    }
}
