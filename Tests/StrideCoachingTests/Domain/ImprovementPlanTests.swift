import StrideCoaching
import StrideContracts
import Testing

func planDraft(
    employee: String = "emp", manager: String = "mgr", reason: String = "Missed deadlines in Q1",
    startsOn: String = "2026-04-01", endsOn: String = "2026-06-30", objectives: [ImprovementObjective]? = nil,
    support: [SupportOffer]? = nil, checkpoints: [PlanCheckpoint]? = nil
) -> ImprovementPlanDraft {
    ImprovementPlanDraft(
        employeeID: employee, managerID: manager, hrPartnerID: "hrp", reason: reason, startsOn: day(startsOn),
        endsOn: day(endsOn),
        objectives: objectives ?? [
            ImprovementObjective(objectiveID: "o1", description: "Deliver on time", successMeasure: "90% of tickets by due date"),
            ImprovementObjective(objectiveID: "o2", description: "Weekly status", successMeasure: "Every Friday"),
        ],
        support: support ?? [SupportOffer(kind: .mentoring, detail: "Weekly pairing with a senior engineer")],
        checkpoints: checkpoints ?? [
            PlanCheckpoint(checkpointID: "c1", dueOn: day("2026-05-01")),
            PlanCheckpoint(checkpointID: "c2", dueOn: day("2026-06-30")),
        ])
}

func review(
    by reviewer: String = "mgr", on reviewedOn: String, _ assessment: CheckpointAssessment = .onTrack, met: Int = 1,
    notes: String? = nil
) -> CheckpointReview {
    CheckpointReview(
        reviewerID: reviewer, reviewedOn: day(reviewedOn), assessment: assessment, objectivesMet: met, notes: notes)
}

@Suite("Improvement plan content")
struct ImprovementPlanRulesTests {
    @Test("a plan with objectives, support and checkpoints inside its span is valid")
    func valid() {
        #expect(ImprovementPlanRules.violations(of: planDraft(), authorID: "mgr").isEmpty)
    }

    @Test("the plan is for someone other than its manager and author")
    func forSomeoneElse() {
        #expect(summary(ImprovementPlanRules.violations(of: planDraft(employee: "mgr"), authorID: "mgr")) == ["unprocessable:employee_id"])
        #expect(summary(ImprovementPlanRules.violations(of: planDraft(), authorID: "emp")) == ["unprocessable:employee_id"])
    }

    @Test("the end is after the start and within the policy's length")
    func span() {
        #expect(
            summary(ImprovementPlanRules.violations(of: planDraft(endsOn: "2026-04-01", checkpoints: []), authorID: "mgr"))
                .contains("invalid:ends_on"))
        let short = ImprovementPlanPolicy(maxPlanDays: 60)
        #expect(summary(ImprovementPlanRules.violations(of: planDraft(), authorID: "mgr", policy: short)) == ["invalid:ends_on"])
    }

    @Test("a reason is required")
    func reason() {
        #expect(summary(ImprovementPlanRules.violations(of: planDraft(reason: " "), authorID: "mgr")) == ["invalid:reason"])
    }

    @Test("objectives: at least one, at most ten, unique ids, description and measure")
    func objectives() {
        #expect(summary(ImprovementPlanRules.violations(of: planDraft(objectives: []), authorID: "mgr")) == ["invalid:objectives"])
        let eleven = (0...ImprovementPlanRules.maxObjectives).map {
            ImprovementObjective(objectiveID: "o\($0)", description: "d", successMeasure: "m")
        }
        #expect(summary(ImprovementPlanRules.violations(of: planDraft(objectives: eleven), authorID: "mgr")) == ["invalid:objectives"])
        let broken = [
            ImprovementObjective(objectiveID: "o1", description: "d", successMeasure: "m"),
            ImprovementObjective(objectiveID: "o1", description: "", successMeasure: " "),
        ]
        #expect(
            summary(ImprovementPlanRules.violations(of: planDraft(objectives: broken), authorID: "mgr"))
                == ["invalid:objectives[1].objective_id", "invalid:objectives[1].description", "invalid:objectives[1].success_measure"])
    }

    @Test("support: at least one offer, each described; it maps onto the contract's lines")
    func support() {
        #expect(summary(ImprovementPlanRules.violations(of: planDraft(support: []), authorID: "mgr")) == ["invalid:support"])
        #expect(
            summary(ImprovementPlanRules.violations(of: planDraft(support: [SupportOffer(kind: .training, detail: "")]), authorID: "mgr"))
                == ["invalid:support[0].detail"])
        #expect(SupportOffer(kind: .resources, detail: "A second monitor").contractText == "resources: A second monitor")
        #expect(SupportKind.allCases.map(\.rawValue) == ["training", "mentoring", "resources"])
    }

    @Test("checkpoints: at least one, dated after the start and by the end, unique, unreviewed")
    func checkpoints() {
        #expect(summary(ImprovementPlanRules.violations(of: planDraft(checkpoints: []), authorID: "mgr")) == ["invalid:checkpoints"])
        let outside = [
            PlanCheckpoint(checkpointID: "c1", dueOn: day("2026-04-01")),
            PlanCheckpoint(checkpointID: "c2", dueOn: day("2026-07-01")),
            PlanCheckpoint(checkpointID: "c3", dueOn: day("2026-05-01")),
            PlanCheckpoint(checkpointID: "c3", dueOn: day("2026-05-01")),
            PlanCheckpoint(checkpointID: "c5", dueOn: day("2026-06-01"), review: review(on: "2026-06-01")),
        ]
        #expect(
            summary(ImprovementPlanRules.violations(of: planDraft(checkpoints: outside), authorID: "mgr"))
                == [
                    "invalid:checkpoints[0].due_on", "invalid:checkpoints[1].due_on", "invalid:checkpoints[3].checkpoint_id",
                    "invalid:checkpoints[3].due_on", "invalid:checkpoints[4].review",
                ])
        let many = (1...(ImprovementPlanRules.maxCheckpoints + 1)).map {
            PlanCheckpoint(checkpointID: "c\($0)", dueOn: day("2026-04-01").adding(days: $0))
        }
        #expect(summary(ImprovementPlanRules.violations(of: planDraft(checkpoints: many), authorID: "mgr")) == ["invalid:checkpoints"])
    }
}

@Suite("Improvement plan workflow")
struct ImprovementPlanWorkflowTests {
    /// A plan acknowledged by the employee, in progress.
    func inProgress() throws -> ImprovementPlan {
        var plan = ImprovementPlan(planID: "p1", authorID: "mgr", content: planDraft())
        try plan.approve(by: "hr1", approverIsHR: true)
        try plan.acknowledge(by: "emp", on: day("2026-04-01"))
        return plan
    }

    func closing(
        _ outcome: ImprovementPlanOutcome, on closedOn: String = "2026-06-30", until: String? = nil,
        checkpoints: [PlanCheckpoint] = [], met: Int = 2, reason: String = "Objectives reviewed"
    ) -> PlanClosing {
        PlanClosing(
            outcome: outcome, closedOn: day(closedOn), extendedUntil: until.map(day), newCheckpoints: checkpoints,
            objectivesMet: met, reason: reason)
    }

    @Test("draft → approved by HR → in progress when the employee acknowledges")
    func happyStart() throws {
        var plan = ImprovementPlan(planID: "p1", authorID: "mgr", content: planDraft())
        #expect(plan.status == .draft)
        try plan.approve(by: "hr1", approverIsHR: true)
        #expect(plan.status == .approved)
        #expect(plan.approvedBy == "hr1")
        try plan.acknowledge(by: "emp", on: day("2026-04-01"))
        #expect(plan.status == .inProgress)
        #expect(plan.acknowledgedOn == day("2026-04-01"))
    }

    @Test(
        "separation of duties: not the author, not the employee, not their manager, only HR",
        arguments: [("mgr", true), ("emp", true), ("hr1", false), ("someone", false)])
    func approvalRefused(approver: String, isHR: Bool) {
        var plan = ImprovementPlan(planID: "p1", authorID: "mgr", content: planDraft())
        #expect(caught { try plan.approve(by: approver, approverIsHR: isHR) }?.kindName == "conflict")
        #expect(plan.status == .draft)
    }

    @Test("an HR author cannot approve their own plan")
    func hrAuthor() {
        var plan = ImprovementPlan(planID: "p1", authorID: "hr1", content: planDraft())
        #expect(caught { try plan.approve(by: "hr1", approverIsHR: true) }?.kindName == "conflict")
        #expect(caught { try plan.approve(by: "hr2", approverIsHR: true) } == nil)
    }

    @Test("only the employee acknowledges, and only an approved plan")
    func acknowledgement() throws {
        var draft = ImprovementPlan(planID: "p1", authorID: "mgr", content: planDraft())
        #expect(caught { try draft.acknowledge(by: "emp", on: day("2026-04-01")) }?.kindName == "conflict")
        try draft.approve(by: "hr1", approverIsHR: true)
        #expect(caught { try draft.acknowledge(by: "mgr", on: day("2026-04-01")) }?.kindName == "conflict")
        #expect(draft.status == .approved)
    }

    @Test("a draft can be revised; an approved plan cannot")
    func revise() throws {
        var plan = ImprovementPlan(planID: "p1", authorID: "mgr", content: planDraft())
        try plan.revise(with: planDraft(reason: "Clearer reason"))
        #expect(plan.content.reason == "Clearer reason")
        #expect(caught { try plan.revise(with: planDraft(reason: "")) }?.field == "reason")
        try plan.approve(by: "hr1", approverIsHR: true)
        #expect(caught { try plan.revise(with: planDraft()) }?.kindName == "conflict")
    }

    @Test("checkpoint reviews are recorded once each, by someone other than the employee")
    func checkpointReview() throws {
        var plan = try inProgress()
        try plan.review(checkpoint: "c1", review(on: "2026-05-01"), today: day("2026-05-02"))
        #expect(plan.checkpoints[0].review?.assessment == .onTrack)
        #expect(caught { try plan.review(checkpoint: "c1", review(on: "2026-05-02"), today: day("2026-05-02")) }?.kindName == "conflict")
        #expect(caught { try plan.review(checkpoint: "c2", review(by: "emp", on: "2026-05-02"), today: day("2026-05-02")) }?.kindName == "conflict")
        let unknown = caught { try plan.review(checkpoint: "c9", review(on: "2026-05-02"), today: day("2026-05-02")) }
        #expect(unknown?.kindName == "unprocessable")
        #expect(unknown?.field == "checkpoint_id")
    }

    @Test("a review that is not on track needs notes; its numbers and date must fit the plan")
    func reviewFields() throws {
        var plan = try inProgress()
        let today = day("2026-05-02")
        #expect(caught { try plan.review(checkpoint: "c1", review(on: "2026-05-01", .offTrack), today: today) }?.field == "notes")
        #expect(caught { try plan.review(checkpoint: "c1", review(on: "2026-05-01", .needsAttention, notes: " "), today: today) }?.field == "notes")
        #expect(caught { try plan.review(checkpoint: "c1", review(on: "2026-05-01", met: 3), today: today) }?.field == "objectives_met")
        #expect(caught { try plan.review(checkpoint: "c1", review(on: "2026-05-01", met: -1), today: today) }?.field == "objectives_met")
        #expect(caught { try plan.review(checkpoint: "c1", review(on: "2026-05-03"), today: today) }?.field == "reviewed_on")
        #expect(caught { try plan.review(checkpoint: "c1", review(on: "2026-03-31"), today: today) }?.field == "reviewed_on")
        #expect(plan.checkpoints.allSatisfy { $0.review == nil })
        try plan.review(checkpoint: "c1", review(on: "2026-05-01", .offTrack, met: 0, notes: "Two deadlines missed"), today: today)
        #expect(plan.checkpoints[0].review?.assessment == .offTrack)
    }

    @Test("reviews and outcomes only while in progress")
    func notInProgress() {
        var plan = ImprovementPlan(planID: "p1", authorID: "mgr", content: planDraft())
        #expect(caught { try plan.review(checkpoint: "c1", review(on: "2026-05-01"), today: day("2026-05-01")) }?.kindName == "conflict")
        #expect(caught { try plan.close(closing(.succeeded), by: "mgr", today: day("2026-06-30")) }?.kindName == "conflict")
    }

    @Test("success may come early and closes the plan for good")
    func succeed() throws {
        var plan = try inProgress()
        try plan.close(closing(.succeeded, on: "2026-05-15"), by: "mgr", today: day("2026-05-15"))
        #expect(plan.status == .succeeded)
        #expect(plan.status.isClosed)
        #expect(caught { try plan.close(closing(.failed), by: "mgr", today: day("2026-06-30")) }?.kindName == "conflict")
        #expect(caught { try plan.review(checkpoint: "c2", review(on: "2026-06-30"), today: day("2026-06-30")) }?.kindName == "conflict")
    }

    @Test("failure only at the end, with every checkpoint reviewed")
    func fail() throws {
        var plan = try inProgress()
        try plan.review(checkpoint: "c1", review(on: "2026-05-01", .offTrack, met: 0, notes: "Behind"), today: day("2026-05-01"))
        #expect(caught { try plan.close(closing(.failed, on: "2026-06-01"), by: "mgr", today: day("2026-06-01")) }?.kindName == "conflict")
        #expect(caught { try plan.close(closing(.failed), by: "mgr", today: day("2026-06-30")) }?.kindName == "conflict")
        try plan.review(checkpoint: "c2", review(on: "2026-06-30", .offTrack, met: 0, notes: "Behind"), today: day("2026-06-30"))
        try plan.close(closing(.failed, met: 0), by: "mgr", today: day("2026-06-30"))
        #expect(plan.status == .failed)
    }

    @Test("the employee never decides the outcome")
    func employeeCannotClose() throws {
        var plan = try inProgress()
        #expect(caught { try plan.close(closing(.succeeded), by: "emp", today: day("2026-06-30")) }?.kindName == "conflict")
    }

    @Test("an outcome needs a reason, a sensible day and a possible count of objectives met")
    func closingFields() throws {
        var plan = try inProgress()
        let today = day("2026-06-30")
        #expect(caught { try plan.close(closing(.succeeded, reason: ""), by: "mgr", today: today) }?.field == "reason")
        #expect(caught { try plan.close(closing(.succeeded, met: 3), by: "mgr", today: today) }?.field == "objectives_met")
        #expect(caught { try plan.close(closing(.succeeded, on: "2026-07-01"), by: "mgr", today: today) }?.field == "closed_on")
        #expect(caught { try plan.close(closing(.succeeded, on: "2026-03-31"), by: "mgr", today: today) }?.field == "closed_on")
        #expect(caught { try plan.close(closing(.succeeded, until: "2026-08-01"), by: "mgr", today: today) }?.field == "extended_until")
        #expect(plan.status == .inProgress)
    }

    @Test("an extension moves the end date later, adds checkpoints, and is limited by the policy (default once)")
    func extend() throws {
        var plan = try inProgress()
        try plan.review(checkpoint: "c1", review(on: "2026-05-01", .needsAttention, notes: "Slow"), today: day("2026-05-01"))
        try plan.review(checkpoint: "c2", review(on: "2026-06-30", .needsAttention, notes: "Better"), today: day("2026-06-30"))
        let extra = [PlanCheckpoint(checkpointID: "c3", dueOn: day("2026-07-31"))]
        try plan.close(closing(.extended, until: "2026-08-31", checkpoints: extra, met: 1), by: "mgr", today: day("2026-06-30"))
        #expect(plan.status == .inProgress)
        #expect(plan.endsOn == day("2026-08-31"))
        #expect(plan.extensionCount == 1)
        #expect(plan.checkpoints.map(\.checkpointID) == ["c1", "c2", "c3"])
        #expect(ImprovementPlanPolicy.standard.maxExtensions == 1)
        let second = caught {
            try plan.close(closing(.extended, on: "2026-07-01", until: "2026-09-30"), by: "mgr", today: day("2026-07-01"))
        }
        #expect(second?.kindName == "conflict")
        try plan.close(closing(.extended, on: "2026-07-01", until: "2026-09-30"), by: "mgr", today: day("2026-07-01"),
            policy: ImprovementPlanPolicy(maxExtensions: 2))
        #expect(plan.extensionCount == 2)
    }

    @Test("an extension needs a later end date within the maximum length, and valid new checkpoints")
    func extensionFields() throws {
        var plan = try inProgress()
        let today = day("2026-04-15")
        #expect(caught { try plan.close(closing(.extended, on: "2026-04-15"), by: "mgr", today: today) }?.field == "extended_until")
        #expect(caught { try plan.close(closing(.extended, on: "2026-04-15", until: "2026-06-30"), by: "mgr", today: today) }?.field == "extended_until")
        #expect(caught { try plan.close(closing(.extended, on: "2026-04-15", until: "2027-06-30"), by: "mgr", today: today) }?.field == "extended_until")
        let early = [PlanCheckpoint(checkpointID: "c3", dueOn: day("2026-06-15"))]
        #expect(
            caught { try plan.close(closing(.extended, on: "2026-04-15", until: "2026-07-31", checkpoints: early), by: "mgr", today: today) }?
                .field == "checkpoints[0].due_on")
        let reused = [PlanCheckpoint(checkpointID: "c1", dueOn: day("2026-07-15"))]
        #expect(
            caught { try plan.close(closing(.extended, on: "2026-04-15", until: "2026-07-31", checkpoints: reused), by: "mgr", today: today) }?
                .field == "checkpoints[0].checkpoint_id")
        #expect(caught { try plan.close(closing(.succeeded, on: "2026-04-15", checkpoints: reused), by: "mgr", today: today) }?.field == "checkpoints")
        #expect(plan.extensionCount == 0)
        #expect(plan.endsOn == day("2026-06-30"))
    }

    @Test("no extension while a checkpoint already due is unreviewed; a policy of zero forbids extensions")
    func extensionPreconditions() throws {
        var plan = try inProgress()
        #expect(
            caught { try plan.close(closing(.extended, on: "2026-05-02", until: "2026-07-31"), by: "mgr", today: day("2026-05-02")) }?
                .kindName == "conflict")
        try plan.close(closing(.extended, on: "2026-04-30", until: "2026-07-31"), by: "mgr", today: day("2026-04-30"))
        #expect(plan.endsOn == day("2026-07-31"))
        var other = try inProgress()
        #expect(
            caught {
                try other.close(closing(.extended, on: "2026-04-30", until: "2026-07-31"), by: "mgr", today: day("2026-04-30"),
                    policy: ImprovementPlanPolicy(maxExtensions: 0))
            }?.kindName == "conflict")
    }

    @Test("statuses spell as the API does")
    func spelling() {
        #expect(ImprovementPlanStatus.allCases.map(\.rawValue) == ["draft", "approved", "in_progress", "succeeded", "failed"])
        #expect(!ImprovementPlanStatus.inProgress.isClosed)
    }

    @Test("a conflict names the plan's state")
    func conflictMessage() throws {
        var plan = try inProgress()
        #expect(caught { try plan.approve(by: "hr2", approverIsHR: true) }?.message == "A plan that is in progress cannot be approved.")
    }
}
