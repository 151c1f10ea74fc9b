import Foundation
import StridePostgres
import StrideRuntime

/// What a competency's behaviour looks like at one level of the rating scale, so raters judge
/// against the same description.
public struct BehaviouralAnchor: Codable, Sendable, Equatable {
    public var level: Int
    public var text: String

    public init(level: Int, text: String) {
        self.level = level
        self.text = text
    }
}

/// `POST /v1/competencies` and `PUT /v1/competencies/{id}`: a competency of the library.
public struct CompetencyDefinition: Codable, Sendable, Equatable {
    public var name: String
    public var description: String
    public var anchors: [BehaviouralAnchor]

    public init(name: String, description: String, anchors: [BehaviouralAnchor]) {
        self.name = name
        self.description = description
        self.anchors = anchors
    }

    /// Every problem at once: a name (≤ 120), a description (≤ 2,000), 1…10 anchors with distinct
    /// levels 1…10 and a text each (≤ 1,000).
    public static func violations(of definition: CompetencyDefinition) -> [AppraisalRuleViolation] {
        var found: [AppraisalRuleViolation] = []
        FieldChecks.requiredText(definition.name, field: "name", name: "name", maxLength: 120, into: &found)
        FieldChecks.requiredText(definition.description, field: "description", name: "description", maxLength: 2_000, into: &found)
        FieldChecks.count(definition.anchors.count, field: "anchors", name: "behavioural anchors", minCount: 1, maxCount: 10, into: &found)
        var levels = Set<Int>()
        for (index, anchor) in definition.anchors.enumerated() {
            if !(1...10).contains(anchor.level) {
                found.append(AppraisalRuleViolation(.invalid, field: "anchors[\(index)].level", "A level is from 1 to 10."))
            } else if !levels.insert(anchor.level).inserted {
                found.append(AppraisalRuleViolation(.invalid, field: "anchors[\(index)].level", "Level \(anchor.level) has two anchors."))
            }
            FieldChecks.requiredText(anchor.text, field: "anchors[\(index)].text", name: "anchor", maxLength: 1_000, into: &found)
        }
        return found
    }
}

/// A competency as stored and shown.
public struct CompetencyRecord: Encodable, Sendable, Equatable {
    public var competencyID: String
    public var name: String
    public var description: String
    public var anchors: [BehaviouralAnchor]
    public var createdBy: String
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case competencyID = "competency_id"
        case name, description, anchors
        case createdBy = "created_by"
        case updatedAt = "updated_at"
    }

    init(row: PostgresRow) throws {
        competencyID = try row.decode("competency_id")
        name = try row.decode("name")
        description = try row.decode("description")
        anchors = try row.decode("anchors", as: PostgresJSON<[BehaviouralAnchor]>.self).value
        createdBy = try row.decode("created_by")
        updatedAt = try row.decode("updated_at")
    }
}

/// The identifiers HR chooses for library entries (competencies, templates): 1–64 lowercase
/// letters, digits, `-` and `_`, starting with a letter, so they read well in URLs and events.
enum LibraryIdentifier {
    static func violations(of id: String, field: String) -> [AppraisalRuleViolation] {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_")
        guard let first = id.first, first.isLetter, first.isLowercase, id.count <= 64, id.allSatisfy(allowed.contains) else {
            return [AppraisalRuleViolation(
                .invalid, field: field, "Use 1–64 lowercase letters, digits, '-' or '_', starting with a letter.")]
        }
        return []
    }
}
