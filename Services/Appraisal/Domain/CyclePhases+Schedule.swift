import StrideContracts
import StrideRuntime

extension CyclePhases {
    /// The phases a schedule dates, in order: every phase but `closed`, which has no dates.
    public static let scheduledPhases = CyclePhase.allCases.filter { $0 != .closed }

    /// Every rule a cycle's schedule breaks, each `.invalid`: every phase but `closed` exactly
    /// once and in order (`field[i].phase`, and `field` naming missing phases); each phase
    /// starting on or before its last day (`field[i].ends_on`); each phase starting no earlier
    /// than the last day of the one before (`field[i].starts_on`).
    ///
    /// A phase may start on the day the previous one ends: the hand-over day belongs to both, since
    /// phases advance by hand, not at midnight. Starting before that day is an overlap.
    /// - Parameters:
    ///   - schedule: the phases' dates.
    ///   - field: the JSON field of the schedule, e.g. `schedule`.
    public static func violations(of schedule: [PhaseSchedule], field: String) -> [AppraisalRuleViolation] {
        var found: [AppraisalRuleViolation] = []
        let order = scheduledPhases.map(\.rawValue).joined(separator: ", ")
        for (index, entry) in schedule.enumerated() {
            let at = "\(field)[\(index)]"
            if entry.phase == .closed {
                found.append(AppraisalRuleViolation(.invalid, field: "\(at).phase", "A cycle closes when it is closed; closed has no dates."))
            } else if index >= scheduledPhases.count || scheduledPhases[index] != entry.phase {
                found.append(
                    AppraisalRuleViolation(
                        .invalid, field: "\(at).phase",
                        "The phases go once each, in order: \(order); \(entry.phase.rawValue) does not belong at position \(index + 1)."))
            }
            if entry.startsOn > entry.endsOn {
                found.append(
                    AppraisalRuleViolation(
                        .invalid, field: "\(at).ends_on",
                        "\(entry.phase.rawValue) ends on \(entry.endsOn), before it starts on \(entry.startsOn)."))
            }
            if index > 0, entry.startsOn < schedule[index - 1].endsOn {
                let previous = schedule[index - 1]
                found.append(
                    AppraisalRuleViolation(
                        .invalid, field: "\(at).starts_on",
                        "\(entry.phase.rawValue) starts on \(entry.startsOn), before \(previous.phase.rawValue) ends on \(previous.endsOn)."))
            }
        }
        let missing = scheduledPhases.filter { phase in !schedule.contains { $0.phase == phase } }
        if !missing.isEmpty {
            found.append(
                AppraisalRuleViolation(
                    .invalid, field: field, "Date every phase; missing: \(missing.map(\.rawValue).joined(separator: ", "))."))
        }
        return found
    }
}

extension PhaseSchedule {
    /// ``CyclePhases/violations(of:field:)``: every rule a cycle's schedule breaks.
    /// - Parameters:
    ///   - schedule: the phases' dates.
    ///   - field: the JSON field of the schedule.
    public static func violations(of schedule: [PhaseSchedule], field: String) -> [AppraisalRuleViolation] {
        CyclePhases.violations(of: schedule, field: field)
    }
}
