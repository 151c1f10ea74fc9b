import Foundation
import StridePostgres
import StrideRuntime

/// `POST /v1/templates` (with `template_id`) and `POST /v1/templates/{id}/versions` (without):
/// a template version's name, optional job family and terms.
struct TemplateDraft: Decodable, Sendable {
    var templateID: String?
    var name: String
    var jobFamily: String?
    var terms: TemplateTerms

    enum CodingKeys: String, CodingKey {
        case templateID = "template_id"
        case name
        case jobFamily = "job_family"
        case terms
    }
}

/// One version of an evaluation template, as stored and shown. Versions are immutable; a cycle
/// pins the one it opened with.
public struct TemplateRecord: Encodable, Sendable, Equatable {
    public var templateID: String
    public var version: Int
    public var name: String
    public var jobFamily: String?
    public var terms: TemplateTerms
    public var createdBy: String
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case templateID = "template_id"
        case version, name
        case jobFamily = "job_family"
        case terms
        case createdBy = "created_by"
        case createdAt = "created_at"
    }

    init(row: PostgresRow) throws {
        templateID = try row.decode("template_id")
        version = try row.decode("version")
        name = try row.decode("name")
        jobFamily = try row.decode("job_family")
        terms = try row.decode("terms", as: PostgresJSON<TemplateTerms>.self).value
        createdBy = try row.decode("created_by")
        createdAt = try row.decode("created_at")
    }
}
