/// An action item agreed in a 1:1.
public struct ActionItem: Codable, Sendable, Equatable {
    /// The item.
    public var actionItemID: String
    /// Who does it.
    public var ownerID: String
    /// What is to be done.
    public var title: String
    /// By when, if agreed.
    public var dueDate: CalendarDate?

    /// Creates an item.
    public init(actionItemID: String, ownerID: String, title: String, dueDate: CalendarDate?) {
        self.actionItemID = actionItemID
        self.ownerID = ownerID
        self.title = title
        self.dueDate = dueDate
    }

    private enum CodingKeys: String, CodingKey {
        case actionItemID = "action_item_id"
        case ownerID = "owner_id"
        case title
        case dueDate = "due_date"
    }
}

/// One objective of an improvement plan.
public struct ImprovementObjective: Codable, Sendable, Equatable {
    /// The objective.
    public var objectiveID: String
    /// What must improve.
    public var description: String
    /// How success is judged.
    public var successMeasure: String

    /// Creates an objective.
    public init(objectiveID: String, description: String, successMeasure: String) {
        self.objectiveID = objectiveID
        self.description = description
        self.successMeasure = successMeasure
    }

    private enum CodingKeys: String, CodingKey {
        case objectiveID = "objective_id"
        case description
        case successMeasure = "success_measure"
    }
}

/// A goal suggested for the next cycle in a feedback interview.
public struct GoalSuggestion: Codable, Sendable, Equatable {
    /// Suggested title.
    public var title: String
    /// Suggested kind.
    public var kind: GoalKind
    /// Why, e.g. the competency gap it addresses.
    public var rationale: String?

    /// Creates a suggestion.
    public init(title: String, kind: GoalKind, rationale: String?) {
        self.title = title
        self.kind = kind
        self.rationale = rationale
    }

    private enum CodingKeys: String, CodingKey {
        case title
        case kind
        case rationale
    }
}
