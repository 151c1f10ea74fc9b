import Foundation
import StrideContracts
import StrideRuntime

@testable import StrideGoals

/// A value of every JSON object the API answers with, by its schema name in the document: `full`
/// sets every optional field, `minimal` none, so their keys are the schema's properties and its
/// `required` list.
enum ResponseSamples {
    /// The schemas covered here (problems and health bodies are rendered by the runtime's router instead).
    static let schemaNames = [
        "Goal", "GoalDefinition", "GoalMeasure", "KeyResult", "GoalPeriod", "ProgressEntry", "AuditEntry", "AuditChange",
        "GoalTreeNode", "GoalTemplate", "AttainmentRecord", "GoalAttainment", "PeriodCloseResult", "PaceSweepResult", "AssignmentResult",
        "GoalPage", "GoalPeriodPage", "ProgressEntryPage", "AuditEntryPage", "GoalTemplatePage", "AttainmentRecordPage",
        "GoalList", "GoalTreeNodePage",
        // Request types that are also Encodable: their encoding is what clients send.
        "NewPeriod", "ProgressUpdate",
    ]

    /// A value with every optional field set and one with none.
    struct Sample {
        var full: any Encodable
        var minimal: any Encodable

        init(_ full: any Encodable, _ minimal: any Encodable) {
            self.full = full
            self.minimal = minimal
        }
    }

    static func sample(of schema: String) -> Sample? {
        switch schema {
        case "Goal": Sample(goal(full: true), goal(full: false))
        case "GoalDefinition": Sample(definition(full: true), definition(full: false))
        case "GoalMeasure": Sample(measure(full: true), measure(full: false))
        case "KeyResult": Sample(keyResult, keyResult)
        case "GoalPeriod": Sample(period(full: true), period(full: false))
        case "ProgressEntry": Sample(progressEntry(full: true), progressEntry(full: false))
        case "AuditEntry": Sample(auditEntry, auditEntry)
        case "AuditChange":
            Sample(AuditEntry.Change(field: "status", before: #""draft""#, after: #""submitted""#), AuditEntry.Change(field: "title"))
        case "GoalTreeNode": Sample(treeNode(full: true), treeNode(full: false))
        case "GoalTemplate": Sample(template(full: true), template(full: false))
        case "AttainmentRecord": Sample(attainmentRecord, attainmentRecord)
        case "GoalAttainment": Sample(goalAttainment, goalAttainment)
        case "PeriodCloseResult":
            Sample(
                PeriodCloseResult(period: period(full: true), goalCount: 12, ownerCount: 3),
                PeriodCloseResult(period: period(full: false), goalCount: 0, ownerCount: 0))
        case "PaceSweepResult": Sample(PaceSweepResult(assessed: 3, flagged: 1, cleared: 1), PaceSweepResult(assessed: 0, flagged: 0, cleared: 0))
        case "AssignmentResult": Sample(AssignmentResult(created: 1, goalIDs: [id(9)]), AssignmentResult(created: 0, goalIDs: []))
        // The tree's pages say whether they were cut and whether the roll-up counted everything.
        case "GoalTreeNodePage":
            Sample(
                GoalTreeNodePage(items: [treeNode(full: true)], nextCursor: "eyJpZCI6MX0", truncated: true, rolledUpComplete: true),
                GoalTreeNodePage(items: [], nextCursor: nil, truncated: false, rolledUpComplete: true))
        // Paginated lists: `next_cursor` only when there is a next page.
        case let name where name.hasSuffix("Page"):
            Sample(Page(items: [id(1)], nextCursor: "eyJpZCI6MX0"), Page<String>(items: [], nextCursor: nil))
        // Unpaginated lists (submit, alignment) never have a cursor.
        case let name where name.hasSuffix("List"):
            Sample(Page(items: [id(1)], nextCursor: nil), Page<String>(items: [], nextCursor: nil))
        case "NewPeriod":
            Sample(
                NewPeriod(name: "Q1", kind: .quarter, startsOn: day(1), endsOn: day(90), orgUnitID: "acme", parentPeriodID: id(1)),
                NewPeriod(name: "FY", kind: .year, startsOn: day(1), endsOn: day(365), orgUnitID: "acme", parentPeriodID: nil))
        case "ProgressUpdate":
            Sample(
                ProgressUpdate(value: 42, done: true, keyResultID: "KR-1", comment: "On track.", evidenceURL: "https://example.com/r"),
                ProgressUpdate())
        default: nil
        }
    }

    static let at = Date(timeIntervalSince1970: 1_782_993_600)

    static func id(_ number: Int) -> String {
        let digits = String(number)
        return "01941d2c-8a00-7c3e-9f1a-" + String(repeating: "0", count: 12 - digits.count) + digits
    }

    static func day(_ number: Int) -> CalendarDate { CalendarDate(year: 2026, month: 1, day: 1).adding(days: number - 1) }

    static func measure(full: Bool) -> GoalMeasure {
        GoalMeasure(
            metricSource: full ? "crm" : nil, metricID: full ? "sales.new-arr" : nil, unit: "EUR",
            direction: full ? .stayWithinRange : .increase, startValue: 0, targetValue: 100,
            lowerBound: full ? 10 : nil, upperBound: full ? 90 : nil)
    }

    static let keyResult = KeyResult(keyResultID: "KR-1", title: "Pilots", unit: "count", startValue: 0, targetValue: 4, weight: 100)

    static func definition(full: Bool) -> GoalDefinition {
        GoalDefinition(
            title: "Grow ARR", description: full ? "In EMEA." : nil, level: .employee, kind: .kpi,
            parentGoalID: full ? id(2) : nil, weight: 40, dueDate: full ? day(300) : nil, measure: full ? measure(full: true) : nil,
            keyResults: [])
    }

    static func goal(full: Bool) -> Goal {
        Goal(
            goalID: id(3), periodID: id(1), ownerID: "E-1", status: .active, version: 4, definition: definition(full: full),
            currentValue: full ? 55 : nil, milestoneDone: false, keyResultValues: full ? ["KR-1": DecimalString(wrappedValue: 2)] : [:],
            progressPercent: 55, atRisk: false, needsReassignment: false, frozen: false, templateID: full ? id(4) : nil,
            createdBy: "E-1", createdAt: at, updatedAt: at)
    }

    static func period(full: Bool) -> GoalPeriod {
        GoalPeriod(
            periodID: id(1), orgUnitID: "acme", name: "Q1 2026", kind: .quarter, startsOn: day(1), endsOn: day(90),
            parentPeriodID: full ? id(5) : nil, status: full ? .closed : .open, createdBy: "hr", createdAt: at,
            closedBy: full ? "hr" : nil, closedAt: full ? at : nil, goalCount: full ? 12 : nil, ownerCount: full ? 3 : nil)
    }

    static func progressEntry(full: Bool) -> ProgressEntry {
        ProgressEntry(
            progressID: id(6), goalID: id(3), actorID: "E-1", origin: .manual, keyResultID: full ? "KR-1" : nil,
            previousValue: full ? 1 : nil, currentValue: full ? 2 : nil, milestoneDone: full ? true : nil,
            previousProgressPercent: 25, progressPercent: 50, comment: full ? "Closed one." : nil,
            evidenceURL: full ? "https://example.com/e" : nil, recordedAt: at)
    }

    static let auditEntry = AuditEntry(
        auditID: 7, actorID: "m1", action: "approve", at: at,
        changes: [AuditEntry.Change(field: "status", before: #""submitted""#, after: #""approved""#)])

    static func treeNode(full: Bool) -> GoalTreeNode {
        GoalTreeNode(
            goalID: id(3), parentGoalID: full ? id(2) : nil, ownerID: "E-1", level: .employee, title: "Grow ARR", status: .active,
            weight: 40, progressPercent: 55, rolledUpProgressPercent: 55, atRisk: true, depth: 1)
    }

    static func template(full: Bool) -> GoalTemplate {
        GoalTemplate(
            templateID: id(4), title: "Security training", description: full ? "Yearly." : nil, kind: full ? .kpi : .milestone,
            weight: 10, measure: full ? measure(full: false) : nil, keyResults: [], createdBy: "hr", createdAt: at)
    }

    static let goalAttainment = GoalAttainment(
        goalID: id(3), title: "Grow ARR", kind: .kpi, status: .completed, weight: 40, attainmentPercent: 110, weightedPoints: 44)

    static let attainmentRecord = AttainmentRecord(
        periodID: id(1), employeeID: "E-1", weightedAttainmentPercent: 44, goals: [goalAttainment], version: 1, finalizedAt: at)
}

/// The request body types, by their schema name in the document, decoded the way the routes decode them.
enum RequestBodies {
    static let schemaNames = [
        "NewPeriod", "NewGoal", "GoalPatch", "ProgressUpdate", "CommentBody", "TransitionBody", "ReassignBody", "NewTemplate",
        "TemplateAssignment",
    ]

    /// Runs the type's `init(from:)` on `decoder`.
    static func decode(_ schema: String, from decoder: any Decoder) throws {
        switch schema {
        case "NewPeriod": _ = try NewPeriod(from: decoder)
        case "NewGoal": _ = try NewGoal(from: decoder)
        case "GoalPatch": _ = try GoalPatch(from: decoder)
        case "ProgressUpdate": _ = try ProgressUpdate(from: decoder)
        case "CommentBody": _ = try CommentBody(from: decoder)
        case "TransitionBody": _ = try TransitionBody(from: decoder)
        case "ReassignBody": _ = try ReassignBody(from: decoder)
        case "NewTemplate": _ = try NewTemplate(from: decoder)
        case "TemplateAssignment": _ = try TemplateAssignment(from: decoder)
        default: throw UnknownSchema(name: schema)
        }
    }

    /// Decodes JSON bytes as a route would (``StrideJSONRequestDecoder``, so errors are the 400 problems clients get).
    static func decode(_ schema: String, from body: Data) throws {
        switch schema {
        case "NewPeriod": _ = try StrideJSONRequestDecoder.decode(NewPeriod.self, from: body)
        case "NewGoal": _ = try StrideJSONRequestDecoder.decode(NewGoal.self, from: body)
        case "GoalPatch": _ = try StrideJSONRequestDecoder.decode(GoalPatch.self, from: body)
        case "ProgressUpdate": _ = try StrideJSONRequestDecoder.decode(ProgressUpdate.self, from: body)
        case "CommentBody": _ = try CommentBody.decode(body)
        case "TransitionBody": _ = try StrideJSONRequestDecoder.decode(TransitionBody.self, from: body)
        case "ReassignBody": _ = try StrideJSONRequestDecoder.decode(ReassignBody.self, from: body)
        case "NewTemplate": _ = try StrideJSONRequestDecoder.decode(NewTemplate.self, from: body)
        case "TemplateAssignment": _ = try StrideJSONRequestDecoder.decode(TemplateAssignment.self, from: body)
        default: throw UnknownSchema(name: schema)
        }
    }

    struct UnknownSchema: Error, CustomStringConvertible {
        var name: String
        var description: String { "no request type for schema \(name)" }
    }
}
