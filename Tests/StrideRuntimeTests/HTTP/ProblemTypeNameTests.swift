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
