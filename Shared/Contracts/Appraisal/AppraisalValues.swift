/// A rating on a cycle template's scale, e.g. level 4 "Exceeds expectations" of 5.
public struct Rating: Codable, Sendable, Hashable {
    /// The level, 1…`scaleMaximum`; higher is better.
    public var level: Int
    /// The template's label for the level.
    public var label: String
    /// The highest level of the scale.
    public var scaleMaximum: Int

    /// Creates a rating.
    public init(level: Int, label: String, scaleMaximum: Int) {
        self.level = level
        self.label = label
        self.scaleMaximum = scaleMaximum
    }

    private enum CodingKeys: String, CodingKey {
        case level
        case label
        case scaleMaximum = "scale_max"
    }
}

/// A cell of the nine-box grid: performance × potential.
public struct NineBoxCell: Codable, Sendable, Hashable {
    /// The performance axis.
    public var performance: TalentLevel
    /// The potential axis.
    public var potential: TalentLevel

    /// Creates a cell.
    public init(performance: TalentLevel, potential: TalentLevel) {
        self.performance = performance
        self.potential = potential
    }

    private enum CodingKeys: String, CodingKey {
        case performance
        case potential
    }
}

/// One competency's rating in a review.
public struct CompetencyRating: Codable, Sendable, Hashable {
    /// The template's competency, e.g. `communication`.
    public var competencyID: String
    /// The level given, 1…scale maximum.
    public var level: Int

    /// Creates a competency rating.
    public init(competencyID: String, level: Int) {
        self.competencyID = competencyID
        self.level = level
    }

    private enum CodingKeys: String, CodingKey {
        case competencyID = "competency_id"
        case level
    }
}

/// When one phase of a cycle runs.
public struct PhaseSchedule: Codable, Sendable, Hashable {
    /// The phase.
    public var phase: CyclePhase
    /// First day.
    public var startsOn: CalendarDate
    /// Deadline (last day).
    public var endsOn: CalendarDate

    /// Creates a schedule entry.
    public init(phase: CyclePhase, startsOn: CalendarDate, endsOn: CalendarDate) {
        self.phase = phase
        self.startsOn = startsOn
        self.endsOn = endsOn
    }

    private enum CodingKeys: String, CodingKey {
        case phase
        case startsOn = "starts_on"
        case endsOn = "ends_on"
    }
}
