import StrideAppraisal
import StrideContracts
import Testing

@Suite("Cycle phases")
struct CyclePhasesTests {
    @Test("phases follow each other in order and closed is last")
    func next() {
        #expect(CyclePhases.next(after: .selfReview) == .nominations)
        #expect(CyclePhases.next(after: .managerReview) == .calibration)
        #expect(CyclePhases.next(after: .feedback) == .closed)
        #expect(CyclePhases.next(after: .closed) == nil)
    }

    @Test("a cycle moves only to the immediately next phase")
    func advance() {
        for (current, next) in zip(CyclePhase.allCases, CyclePhase.allCases.dropFirst()) {
            #expect(caught { try CyclePhases.advance(from: current, to: next) } == nil)
        }
        let skip = caught { try CyclePhases.advance(from: .nominations, to: .managerReview) }
        #expect(skip?.kindName == "conflict")
        #expect(skip?.message.contains("nominations") == true && skip?.message.contains("manager_review") == true)
        #expect(caught { try CyclePhases.advance(from: .calibration, to: .managerReview) }?.kindName == "conflict")
        #expect(caught { try CyclePhases.advance(from: .feedback, to: .feedback) }?.kindName == "conflict")
    }

    @Test("closed is terminal")
    func closed() {
        for target in CyclePhase.allCases {
            let violation = caught { try CyclePhases.advance(from: .closed, to: target) }
            #expect(violation?.kindName == "conflict")
            #expect(violation?.message.contains(target.rawValue) == true)
        }
    }

    @Test("each rater group submits in its window, and nobody from calibration on")
    func submissionWindows() {
        let open: [RaterGroup: [CyclePhase]] = [
            .selfReview: [.selfReview, .nominations, .peerReviews],
            .peer: [.nominations, .peerReviews],
            .directReport: [.nominations, .peerReviews],
            .external: [.nominations, .peerReviews],
            .manager: [.selfReview, .nominations, .peerReviews, .managerReview],
        ]
        for group in RaterGroup.allCases {
            for phase in CyclePhase.allCases {
                let expected = open[group, default: []].contains(phase)
                #expect(CyclePhases.canSubmitReview(of: group, in: phase) == expected, "\(group) in \(phase)")
            }
        }
    }

    @Test("nominating, scoring, calibrating and release each have their phases")
    func phaseAbilities() {
        #expect(CyclePhase.allCases.filter(CyclePhases.canNominate(in:)) == [.nominations])
        #expect(CyclePhase.allCases.filter(CyclePhases.isScoringOpen) == [.managerReview, .calibration])
        #expect(CyclePhase.allCases.filter(CyclePhases.canCalibrate(in:)) == [.calibration])
        #expect(CyclePhase.allCases.filter(CyclePhases.isReleased) == [.feedback, .closed])
    }
}

@Suite("Cycle schedules")
struct PhaseScheduleTests {
    /// Six phases of a week each, starting 2026-11-02, handing over on a shared day when `sharedDays`.
    func schedule(sharedDays: Bool = false) -> [PhaseSchedule] {
        CyclePhases.scheduledPhases.enumerated().map { index, phase in
            let start = day("2026-11-02").adding(days: index * (sharedDays ? 6 : 7))
            return PhaseSchedule(phase: phase, startsOn: start, endsOn: start.adding(days: 6))
        }
    }

    @Test("every phase but closed, once, in order, without overlap, is valid; a shared hand-over day too")
    func valid() {
        #expect(CyclePhases.violations(of: schedule(), field: "schedule").isEmpty)
        #expect(CyclePhases.violations(of: schedule(sharedDays: true), field: "schedule").isEmpty)
        #expect(PhaseSchedule.violations(of: schedule(), field: "schedule").isEmpty)
    }

    @Test("a phase starting before the previous one ends overlaps")
    func overlap() {
        var phases = schedule()
        phases[2].startsOn = phases[1].endsOn.adding(days: -1)
        #expect(summary(CyclePhases.violations(of: phases, field: "schedule")) == ["invalid:schedule[2].starts_on"])
    }

    @Test("a phase ends on or after its start")
    func endsBeforeStart() {
        var phases = schedule()
        phases[5].endsOn = phases[5].startsOn.adding(days: -1)
        #expect(summary(CyclePhases.violations(of: phases, field: "schedule")) == ["invalid:schedule[5].ends_on"])
        phases[5].endsOn = phases[5].startsOn
        #expect(CyclePhases.violations(of: phases, field: "schedule").isEmpty)
    }

    @Test("phases missing, out of order, repeated or closed are reported on their place")
    func order() {
        var phases = schedule()
        phases.removeLast()
        #expect(summary(CyclePhases.violations(of: phases, field: "schedule")) == ["invalid:schedule"])
        phases = schedule()
        phases[1].phase = .peerReviews
        phases[2].phase = .nominations
        #expect(
            summary(CyclePhases.violations(of: phases, field: "schedule"))
                == ["invalid:schedule[1].phase", "invalid:schedule[2].phase"])
        phases = schedule()
        phases.append(PhaseSchedule(phase: .closed, startsOn: day("2027-01-01"), endsOn: day("2027-01-01")))
        #expect(summary(CyclePhases.violations(of: phases, field: "schedule")) == ["invalid:schedule[6].phase"])
        phases = schedule()
        phases[3].phase = .selfReview
        #expect(
            summary(CyclePhases.violations(of: phases, field: "schedule")) == ["invalid:schedule[3].phase", "invalid:schedule"])
    }
}
