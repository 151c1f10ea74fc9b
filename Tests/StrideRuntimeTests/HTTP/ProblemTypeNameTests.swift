import Foundation
import HTTPTypes
import Testing

@testable import StrideRuntime

/// Problems describe what the client sent in the client's terms: never a Swift type name.
@Suite("Problem texts show no Swift internals")
struct ProblemTypeNameTests {
    enum Colour: String, Decodable { case red }
    struct Shape: Decodable { var side: Int }
    struct Body: Decodable {
        var colour: Colour?
        var shape: Shape?
        var when: Date?
    }

    func problem(_ json: String) throws -> Problem {
        do {
            _ = try StrideJSONRequestDecoder.decode(Body.self, from: Data(json.utf8))
        } catch let problem as Problem {
            return problem
        }
        throw ProblemExpected()
    }

    struct ProblemExpected: Error {}

    @Test(arguments: [#"{"colour": "blue"}"#, #"{"shape": 3}"#, #"{"shape": {"side": "x"}}"#, #"{"colour": 7}"#])
    func noTypeNames(json: String) throws {
        let problem = try problem(json)
        let text = problem.errors.map { "\($0.field) \($0.message)" }.joined() + (problem.detail ?? "")
        for word in ["Colour", "Shape", "Swift", "Int", "String", "Cannot initialize", "Body"] {
            #expect(!text.contains(word), "\(text)")
        }
        #expect(problem.status == .badRequest)
    }

    @Test func ourOwnExplanationsStay() throws {
        let problem = try problem(#"{"when": "yesterday"}"#)
        #expect(problem.errors.first?.field == "when")
        #expect(problem.errors.first?.message.contains("ISO 8601") == true)
    }
}

/// Domain rule violations map to HTTP once, in the runtime.
@Suite("Rule violations as problems")
struct RuleViolationTests {
    struct Broken: RuleViolation {
        var kind: RuleViolationKind
        var field: String?
        var message: String
    }

    @Test func eachKindHasItsStatus() {
        #expect(Problem.rule(Broken(kind: .conflict, field: nil, message: "closed")).status == .conflict)
        let unprocessable = Problem.rule(Broken(kind: .unprocessable, field: "weight", message: "sum is 90"))
        #expect(unprocessable.status == .unprocessableContent)
        #expect(unprocessable.errors == [FieldError(field: "weight", message: "sum is 90")])
        let invalid = Problem.rule(Broken(kind: .invalid, field: nil, message: "bad"))
        #expect(invalid.status == .badRequest)
        #expect(invalid.errors.first?.field == "body")
        let several = Problem.rules([
            Broken(kind: .invalid, field: "a", message: "x"), Broken(kind: .invalid, field: "b", message: "y"),
        ])
        #expect(several.errors.map(\.field) == ["a", "b"])
    }
}
