import Foundation
import StrideContracts
import StrideDemoKit
import StrideRuntime

extension AppraisalDemo {
    var org: DemoOrg { context.org }
    var console: DemoConsole { context.console }
    var today: CalendarDate { CalendarDate(utc: context.startedAt) }
    /// This run's suffix for the ids HR chooses, so every run builds a library of its own.
    var tag: String { String(Int(context.startedAt.timeIntervalSince1970), radix: 36) }
    /// The template's competency ids of this run.
    var competencyIDs: [String] { AppraisalScenario.competencies.map { "\($0.stem)-\(tag)" } }
    /// The departments appraised: the two largest.
    var departments: [String] { Array(org.departments.prefix(2)) }

    /// HR adds the competencies (anchors for every level) and a template weighing them.
    func buildLibrary() async throws -> TemplateView {
        for (competency, id) in zip(AppraisalScenario.competencies, competencyIDs) {
            try await client.perform(
                "POST", "/v1/competencies", as: org.hr, expect: 201,
                body: CompetencyBody(
                    competencyID: id, name: competency.name, description: competency.description,
                    anchors: AppraisalScenario.anchors(for: competency.name)))
        }
        let terms = TemplateBody.Terms(
            scale: .init(labels: AppraisalScenario.labels),
            competencies: zip(AppraisalScenario.competencies, competencyIDs).map { .init(competencyID: $1, weightPercent: $0.weight) },
            goalWeightPercent: "60", competencyWeightPercent: "40",
            raterGroupWeights: AppraisalScenario.groupWeights.map { .init(group: $0.0, weightPercent: $0.1) },
            minimumAnonymousRaters: AppraisalScenario.minimumAnonymousRaters,
            bands: AppraisalScenario.bands.enumerated().map { .init(level: $0.offset + 1, minimumScore: $0.element) },
            meetsExpectationsLevel: 3)
        let template: TemplateView = try await client.call(
            "POST", "/v1/templates", as: org.hr, expect: 201,
            body: TemplateBody(templateID: "annual-\(tag)", name: "Annual review FY\(context.year)", jobFamily: nil, terms: terms))
        console.say(
            "   \(competencyIDs.count) competencies, anchored at every level: "
                + AppraisalScenario.competencies.map { "\($0.name) \($0.weight) %" }.joined(separator: " · "),
            "   template \(template.templateID) v\(template.version): scale 1–5 (\(AppraisalScenario.labels[2]) = 3), goals 60 % / competencies 40 %,"
                + " raters " + AppraisalScenario.groupWeights.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: " · ")
                + ", anonymous groups count from \(AppraisalScenario.minimumAnonymousRaters) raters")
        return template
    }

    /// HR opens the cycle for the appraised departments with a six-week schedule; the opening
    /// requests (self, manager, upward) are counted from everyone's assignments.
    func openCycle(template: TemplateView, period: PeriodView, tally: inout Tally) async throws -> CycleView {
        let lengths: [(CyclePhase, Int)] = [
            (.selfReview, 7), (.nominations, 7), (.peerReviews, 14), (.managerReview, 7), (.calibration, 7), (.feedback, 14),
        ]
        var schedule: [PhaseSchedule] = []
        var day = today
        for (phase, days) in lengths {
            schedule.append(PhaseSchedule(phase: phase, startsOn: day, endsOn: day.adding(days: days - 1)))
            day = day.adding(days: days)
        }
        let cycle: CycleView = try await client.call(
            "POST", "/v1/cycles", as: org.hr, expect: 201,
            body: CycleBody(
                name: "\(period.name) appraisal (\(tag))", periodID: period.periodID, templateID: template.templateID,
                population: .init(departments: departments), schedule: schedule, disputeWindowDays: 14))
        tally.cyclesOpened += 1
        let requests = try await assignments(in: cycle)
        tally.reviewsRequested += requests.count
        let byGroup = Dictionary(grouping: requests, by: \.raterGroup).mapValues(\.count)
        console.say(
            "   \(cycle.name) for \(departments.joined(separator: " and ")): \(cycle.participantCount) appraisals, bound to \(period.name)"
                + " (\(period.periodID)), in \(cycle.phase.rawValue); schedule \(schedule.first!.startsOn) – \(schedule.last!.endsOn)",
            "   \(requests.count) review requests on opening: "
                + [RaterGroup.selfReview, .manager, .directReport].map { "\(byGroup[$0, default: 0]) \($0.rawValue)" }.joined(separator: " · "))
        return cycle
    }

    /// Everyone's assignments in `cycle` (each person lists their own).
    func assignments(in cycle: CycleView, status: String? = nil) async throws -> [ReviewView] {
        let query = "/v1/reviews?cycle_id=\(cycle.cycleID)" + (status.map { "&status=\($0)" } ?? "")
        return try await concurrently(org.employees.map(\.employeeID), limit: context.concurrency) { [client] person in
            try await client.all(query, as: person, decoding: ReviewView.self)
        }.flatMap { $0 }
    }

    /// Every reviewer submits their requested reviews of `groups`.
    func submitReviews(in cycle: CycleView, groups: Set<RaterGroup>, tally: inout Tally) async throws {
        let started = ContinuousClock.now
        let due = try await assignments(in: cycle, status: "requested").filter { groups.contains($0.raterGroup) }
        let competencies = competencyIDs
        _ = try await concurrently(due, limit: context.concurrency) { [client] review in
            try await client.perform(
                "POST", "/v1/reviews/\(review.reviewID)/submit", as: review.reviewerID,
                body: AppraisalScenario.review(of: review.employeeID, by: review.reviewerID, group: review.raterGroup, competencies: competencies))
        }
        tally.reviewsSubmitted += due.count
        let byGroup = Dictionary(grouping: due, by: \.raterGroup).mapValues(\.count)
        console.say(
            "   \(due.count) reviews submitted in \(DemoFormat.seconds(ContinuousClock.now - started)): "
                + byGroup.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: " · "))
    }

    /// HR moves the cycle on one phase.
    func advance(_ cycle: CycleView, to phase: CyclePhase) async throws {
        let moved: CycleView = try await client.call("POST", "/v1/cycles/\(cycle.cycleID)/phase", as: org.hr, body: PhaseBody(phase: phase))
        guard moved.phase == phase else { throw DemoError("the cycle is in \(moved.phase.rawValue) after moving to \(phase.rawValue)") }
        console.say("   HR → \(phase.rawValue)")
    }

    /// The employee whose score is explained and who asks an external rater too: the manager in
    /// the population with the most direct reports.
    func explained(_ appraisals: [AppraisalView]) -> AppraisalView {
        appraisals.max { (org.reports[$0.employeeID]?.count ?? 0, $1.employeeID) < (org.reports[$1.employeeID]?.count ?? 0, $0.employeeID) }!
    }

    /// Each employee nominates three colleagues; one also a customer. Their manager approves all.
    /// - Returns: the external raters' single-use links.
    func nominate(_ appraisals: [AppraisalView], tally: inout Tally) async throws -> [DecisionView.Link] {
        let started = ContinuousClock.now
        let withExternal = explained(appraisals).appraisalID
        let decisions = try await concurrently(appraisals, limit: context.concurrency) { [client, org] appraisal in
            let externals = appraisal.appraisalID == withExternal
                ? [NominationBody.External(name: "Dana Fischer", email: "dana.fischer@customer.example.com")] : []
            let nominated: ListPage<NominationView> = try await client.call(
                "POST", "/v1/appraisals/\(appraisal.appraisalID)/nominations", as: appraisal.employeeID, expect: 201,
                body: NominationBody(peers: AppraisalScenario.peers(of: appraisal.employeeID, in: org), externals: externals))
            let approver = appraisal.managerID ?? org.hr
            let decision: DecisionView = try await client.call(
                "POST", "/v1/appraisals/\(appraisal.appraisalID)/nominations/decision", as: approver,
                body: DecisionBody(approve: nominated.items.map(\.reviewID)))
            return decision
        }
        let approved = decisions.reduce(0) { $0 + $1.approved.count }
        tally.reviewsRequested += approved
        let links = decisions.flatMap(\.externalLinks)
        console.say(
            "   \(approved) nominations approved by the managers in \(DemoFormat.seconds(ContinuousClock.now - started))"
                + " (\(links.count) external rater: \(links.map { "\($0.externalName) for \(org.label(explained(appraisals).employeeID))" }.joined()));"
                + " the external link is returned once: \(links.first.map { String($0.url.prefix(60)) + "…" } ?? "none")")
        return links
    }

    /// The external rater opens their link and submits without signing in; the link is spent.
    func reviewExternally(_ links: [DecisionView.Link], tally: inout Tally) async throws {
        for link in links {
            guard let token = link.url.split(separator: "/").last.map(String.init) else { throw DemoError("no token in \(link.url)") }
            let form: ExternalFormView = try await client.call("GET", "/v1/external-reviews/\(token)", as: nil)
            try await client.perform(
                "POST", "/v1/external-reviews/\(token)", as: nil,
                body: AppraisalScenario.review(
                    of: link.reviewID, by: link.externalName, group: .external, competencies: form.competencies.map(\.competencyID)))
            tally.reviewsSubmitted += 1
            let again = try await client.send("POST", "/v1/external-reviews/\(token)", as: nil,
                body: AppraisalScenario.review(of: link.reviewID, by: link.externalName, group: .external, competencies: form.competencies.map(\.competencyID)))
            console.say(
                "   \(link.externalName) reviewed \(form.employeeName) through the link (no bearer token; \(form.competencies.count) competencies,"
                    + " due \(form.dueOn)); the link used again answers \(again.status)")
        }
    }

    /// Each manager rates their reports' potential (the nine-box's second axis).
    func ratePotential(_ appraisals: [AppraisalView]) async throws {
        _ = try await concurrently(appraisals, limit: context.concurrency) { [client, org] appraisal in
            try await client.perform(
                "PUT", "/v1/appraisals/\(appraisal.appraisalID)/potential", as: appraisal.managerID ?? org.hr,
                body: PotentialBody(potential: AppraisalScenario.potential(of: appraisal.employeeID)))
        }
        console.say("   \(appraisals.count) potentials rated by the managers")
    }

    /// HR scores the cycle; again while the appraisal service has not yet read every
    /// `AttainmentFinalized` of the year (an appraisal without its goal score).
    func score(_ cycle: CycleView, appraisals: [AppraisalView], attainments: [String: Double]) async throws {
        let withAttainment = appraisals.filter { attainments[$0.employeeID] != nil }.count
        let (result, waited) = try await poll(
            until: "the appraisal service has the goal score of \(withAttainment) appraisals (AttainmentFinalized from stride.goals.v1)",
            timeout: .seconds(120), every: .seconds(1)
        ) { () async throws -> (ScoringView, [AppraisalView])? in
            let scoring: ScoringView = try await client.call("POST", "/v1/cycles/\(cycle.cycleID)/scores", as: org.hr)
            let scored = try await client.all("/v1/cycles/\(cycle.cycleID)/appraisals", as: org.hr, decoding: AppraisalView.self)
            return scored.filter { $0.goalScore != nil }.count >= withAttainment && scoring.unscoredCount == 0 ? (scoring, scored) : nil
        }
        let levels = Dictionary(grouping: result.1.compactMap(\.ratingLevel), by: { $0 }).mapValues(\.count)
        console.say(
            "   \(result.0.scored) appraisals scored (\(withAttainment) with the year's attainment as goal score; waited \(DemoFormat.seconds(waited))),"
                + " proposed levels: " + (1...5).map { "\($0): \(levels[$0, default: 0])" }.joined(separator: " · "))
    }

    /// The score of the employee with an external rater, as HR reads it.
    func explain(_ appraisals: [AppraisalView]) async throws {
        let appraisal = explained(appraisals)
        let score: ScoreView = try await client.call("GET", "/v1/appraisals/\(appraisal.appraisalID)/score", as: org.hr)
        console.say("   \(org.label(appraisal.employeeID)) (\(appraisal.department)), final score \(score.explanation.finalScore) → level \(score.explanation.ratingLevel):")
        for line in score.explanation.lines { console.say("     " + line) }
    }
}
