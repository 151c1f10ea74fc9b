import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import StrideRuntime

/// A number a field cannot hold (a fraction for an integer, an integer out of range) is a 400
/// naming the field, wherever the field is; Foundation alone reports "not valid JSON".
@Suite("Integer fields in JSON bodies")
struct IntegerFieldTests {
    struct Body: Decodable {
        var name: String?
        var ratio: Double?
        var amount: Decimal?
        var weight: Int?
        var level: Int8?
        var count: UInt?
        var when: Date?
        var lines: [Line]?
        var tags: [String: Int]?

        struct Line: Decodable {
            var note: String?
            var quantity: Int
        }
    }

    /// The field errors of the problem decoding `json` as ``Body`` throws.
    static func fieldErrors(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) -> [FieldError] {
        do {
            _ = try StrideJSONRequestDecoder.decode(Body.self, from: Data(json.utf8))
            Issue.record("\(json) was accepted", sourceLocation: sourceLocation)
            return []
        } catch let problem as Problem {
            #expect(problem.status == .badRequest, sourceLocation: sourceLocation)
            return problem.errors
        } catch {
            Issue.record("\(json) threw \(error)", sourceLocation: sourceLocation)
            return []
        }
    }

    @Test("a fraction or an out-of-range number in an integer field names the field", arguments: [
        (#"{"weight": 12.5}"#, "weight", "expected a whole number, found 12.5"),
        (#"{"name": "x", "ratio": 0.5, "amount": 3.25, "weight": -1.25e1}"#, "weight", "expected a whole number, found -1.25e1"),
        (#"{"level": 1000.0}"#, "level", "is out of range, found 1000.0"),
        (#"{"weight": 99999999999999999999}"#, "weight", "is out of range, found 99999999999999999999"),
        (#"{"level": 300}"#, "level", "is out of range, found 300"),
        (#"{"count": -1}"#, "count", "is out of range, found -1"),
        (#"{"lines": [{"quantity": 1}, {"note": "n", "quantity": 2.5}]}"#, "lines[1].quantity", "expected a whole number, found 2.5"),
        (#"{"tags": {"a": 1, "b\"q\u00e9": 0.5}}"#, "tags.b\"qé", "expected a whole number, found 0.5"),
        (#"{"when": "2026-01-01T00:00:00Z", "weight": 1, "lines": [{"quantity": 1.25}], "level": 7.5}"#, "lines[0].quantity",
         "expected a whole number, found 1.25"),
    ])
    func namesTheField(json: String, field: String, message: String) {
        let errors = Self.fieldErrors(json)
        #expect(errors.map(\.field) == [field], "\(json)")
        #expect(errors.first?.message == message, "\(json)")
    }

    @Test("numbers every field can hold are accepted; fractions in other fields and in ignored keys are not blamed")
    func acceptsWhatFits() throws {
        let body = try StrideJSONRequestDecoder.decode(Body.self, from: Data(#"""
            {"ratio": 0.5, "amount": 12.5, "weight": 2.0, "level": 1e2, "unknown": 7.25, "lines": [{"quantity": -3}]}
            """#.utf8))
        #expect(body.ratio == 0.5 && body.amount == Decimal(string: "12.5") && body.weight == 2 && body.level == 100)
        #expect(body.lines?.first?.quantity == -3)
        // The fraction in an ignored key is not what is wrong here.
        #expect(Self.fieldErrors(#"{"unknown": 7.25, "weight": "7"}"#).map(\.field) == ["weight"])
    }

    @Test("a body that is not JSON is still 400 bad-request, naming no field")
    func invalidJSONStaysBadRequest() {
        for json in [#"{"weight": 12.5"#, #"{"weight": 1..5}"#, #"{"weight": 12.5,}"#] {
            #expect(Self.fieldErrors(json).isEmpty, "\(json)")
            #expect(
                (try? StrideJSONRequestDecoder.decode(Body.self, from: Data(json.utf8))) == nil, "\(json) was accepted")
        }
    }

    @Test("through the HTTP stack: a fraction in an integer field is a validation problem naming it")
    func overHTTP() async throws {
        let router = StrideHTTPServer.makeRouter(metrics: StrideMetrics(), readinessChecks: [])
        router.post("lines") { request, context -> HTTPResponse.Status in
            _ = try await request.decode(as: Body.self, context: context)
            return .noContent
        }
        try await Application(router: router).test(.router) { client in
            let reply = try await client.execute(
                uri: "/lines", method: .post, body: ByteBuffer(string: #"{"lines": [{"quantity": 4.5}]}"#))
            let body = try expectProblem(reply, status: .badRequest)
            #expect(body["type"] as? String == "https://stride.dev/problems/validation")
            let errors = try #require(body["errors"] as? [[String: Any]])
            #expect(errors.first?["field"] as? String == "lines[0].quantity")
            #expect(body["detail"] as? String == "field 'lines[0].quantity': expected a whole number, found 4.5")
            let fine = try await client.execute(uri: "/lines", method: .post, body: ByteBuffer(string: #"{"lines": [{"quantity": 4}]}"#))
            #expect(fine.status == .noContent)
        }
    }
}
