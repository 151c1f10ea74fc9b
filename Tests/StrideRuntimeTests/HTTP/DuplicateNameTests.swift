import Foundation
import HTTPTypes
import Testing

@testable import StrideRuntime

/// A JSON body that gives one name twice in an object is refused with a 400 naming it: which of
/// the two values counts is up to each parser, so none is guessed.
@Suite("Duplicate names in JSON bodies")
struct DuplicateNameTests {
    struct Body: Decodable {
        var value: String?
        var owner: Owner?
        var lines: [Line]?

        struct Owner: Decodable { var name: String? }
        struct Line: Decodable { var id: String? }
    }

    @Test("the repeated name's path", arguments: [
        (#"{"value": "1", "value": "2"}"#, "value"),
        (#"{"owner": {"name": "a", "name": "b"}}"#, "owner.name"),
        (#"{"lines": [{"id": "a"}, {"id": "b", "id": "c"}]}"#, "lines[1].id"),
        (#"[{"a": 1}, [{"b": 1, "b": 2}]]"#, "[1][0].b"),
        (#"{"value": "1", "v\u0061lue": "2"}"#, "value"),
        (#"{"owner": {"name": "}{\"", "name": "b"}}"#, "owner.name"),
    ])
    func found(_ json: String, _ path: String) {
        #expect(JSONDuplicateKeys.firstPath(in: Data(json.utf8)) == path)
    }

    @Test("names that only look alike, or repeat in different objects, are fine", arguments: [
        #"{"value": "value", "owner": {"value": "x", "name": "value"}}"#,
        #"{"lines": [{"id": "a"}, {"id": "a"}], "id": "a"}"#,
        #"{"a\\u0061": 1, "aa": 2}"#,
        #"{"quote\"d": 1, "quote": 2}"#,
        #"{}"#, #"[]"#, #""value""#, #"{"value": "1""#, #"not json"#,
    ])
    func notFound(_ json: String) {
        #expect(JSONDuplicateKeys.firstPath(in: Data(json.utf8)) == nil)
    }

    @Test("a body repeating a name is a 400 naming it, before any field is read")
    func refusedByTheDecoder() throws {
        do {
            _ = try StrideJSONRequestDecoder.decode(Body.self, from: Data(#"{"owner": {"name": "a", "name": "b"}}"#.utf8))
            Issue.record("accepted")
        } catch let problem as Problem {
            #expect(problem.status == .badRequest)
            #expect(problem.errors.map(\.field) == ["owner.name"])
        }
        let fine = try StrideJSONRequestDecoder.decode(Body.self, from: Data(#"{"owner": {"name": "a"}, "value": "1"}"#.utf8))
        #expect(fine.owner?.name == "a" && fine.value == "1")
    }
}

extension DuplicateNameTests {
    @Test("a wide object is read in one pass: its last name repeating the first is found")
    func wideObject() {
        let members = (0..<50_000).map { #""name\#($0)": \#($0)"# }.joined(separator: ", ")
        #expect(JSONDuplicateKeys.firstPath(in: Data(#"{\#(members)}"#.utf8)) == nil)
        #expect(JSONDuplicateKeys.firstPath(in: Data(#"{\#(members), "name0": 1}"#.utf8)) == "name0")
    }
}
