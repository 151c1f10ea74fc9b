import Foundation
import StrideContracts
import StrideDemoKit

/// The appraisal's story, decided from ids alone so every run tells the same one: the library,
/// the template's terms, the guideline, and how each rater rates each employee (around the
/// employee's form, ``DemoProfile``, a little higher in their own review).
enum AppraisalScenario {
    /// The scale, lowest first.
    static let labels = ["Unsatisfactory", "Needs improvement", "Meets expectations", "Exceeds expectations", "Outstanding"]

    /// The library: id stem, name, description, weight in the template.
    static let competencies: [(stem: String, name: String, description: String, weight: String)] = [
        ("delivery", "Delivery", "Commits to outcomes and delivers them on time and at quality.", "40"),
        ("collaboration", "Collaboration", "Works across teams, shares context, helps others succeed.", "25"),
        ("customer-focus", "Customer focus", "Understands customers' needs and acts on them.", "20"),
        ("growth", "Growth", "Learns, seeks feedback and develops others.", "15"),
    ]

    /// Behavioural anchors for every level of the scale.
    static func anchors(for name: String) -> [CompetencyBody.Anchor] {
        [
            .init(level: 1, text: "\(name) falls well short of the role's needs."),
            .init(level: 2, text: "\(name) is shown at times, not reliably."),
            .init(level: 3, text: "\(name) is shown reliably, as the role needs."),
            .init(level: 4, text: "\(name) is a strength others rely on."),
            .init(level: 5, text: "\(name) sets the standard for the organisation."),
        ]
    }

    /// Each rater group's weight: the manager's half, the rest shared.
    static let groupWeights: [(RaterGroup, String)] = [
        (.manager, "50"), (.selfReview, "10"), (.peer, "20"), (.directReport, "10"), (.external, "10"),
    ]

    /// The fewest peer, upward or external raters who count: a lone external rater is left out.
    static let minimumAnonymousRaters = 2

    /// Bands of the final score per level.
    static let bands = ["1", "1.8", "2.6", "3.4", "4.2"]

    /// The guideline calibration holds each department against: 5/15/50/20/10 %, 10 points either side.
    static let guideline = SessionBody.Guideline(
        targets: [("1", "5"), ("2", "15"), ("3", "50"), ("4", "20"), ("5", "10")].map { .init(level: Int($0.0)!, targetPercent: $0.1) },
        tolerancePercent: "10")

    /// How `reviewer` rates `employee` on `competency`: the employee's form on the scale, swung a
    /// little per rater and competency; their own review half a level kinder.
    static func level(of employee: String, by reviewer: String, on competency: String, group: RaterGroup) -> Int {
        let base = 1 + DemoProfile.form(of: employee) * 2.6
        let swing = (DemoProfile.unit("\(reviewer)/\(employee)/\(competency)") - 0.5) * 1.4
        let kindness = group == .selfReview ? 0.5 : 0
        return min(5, max(1, Int((base + swing + kindness).rounded())))
    }

    /// A complete review of `employee` by `reviewer` against `competencies` (template ids).
    static func review(of employee: String, by reviewer: String, group: RaterGroup, competencies: [String]) -> ReviewBody {
        let ratings = competencies.map {
            CompetencyRating(competencyID: $0, level: level(of: employee, by: reviewer, on: $0, group: group))
        }
        let strongest = ratings.max { $0.level < $1.level }!
        return ReviewBody(
            ratings: ratings,
            comments: [.init(competencyID: strongest.competencyID, text: "The clearest strength this year.")],
            overallComment: group == .selfReview ? "My year in short: the goals moved, the team grew." : "A fair picture of the year.")
    }

    /// The potential a manager sees: a third low, almost half moderate, the rest high.
    static func potential(of employee: String) -> TalentLevel {
        let draw = DemoProfile.unit("\(employee)/potential")
        return draw < 0.3 ? .low : draw < 0.75 ? .moderate : .high
    }

    /// Up to three colleagues `employee` asks for a peer review: teammates first (same manager),
    /// then others of the department, active ones only; never themselves, their manager or a report.
    static func peers(of employee: String, in org: DemoOrg) -> [String] {
        guard let person = org.byID[employee] else { return [] }
        let excluded = Set([employee] + (person.managerID.map { [$0] } ?? []) + (org.reports[employee] ?? []))
        let teammates = person.managerID.flatMap { org.reports[$0] } ?? []
        let department = org.employees.filter { $0.department == person.department }.map(\.employeeID)
        var picks: [String] = []
        for candidate in teammates + department.sorted(by: { DemoProfile.unit("\(employee)/\($0)") < DemoProfile.unit("\(employee)/\($1)") })
        where !excluded.contains(candidate) && !picks.contains(candidate) && org.byID[candidate]?.status == .active {
            picks.append(candidate)
            if picks.count == 3 { break }
        }
        return picks
    }
}
