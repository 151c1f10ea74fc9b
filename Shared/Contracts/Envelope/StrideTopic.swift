/// The Kafka topics that make up Stride's public event API.
///
/// Each topic carries one area's events (see ``StrideTopic/eventTypes``). The name ends in the
/// topic's major version: a breaking change to a topic's keying or retention creates a new topic.
public enum StrideTopic: String, CaseIterable, Sendable {
    /// The org chart from the HRIS (compacted, keyed by employee id).
    case employees = "hr.employees.v1"
    /// Readings from CRM, ticketing and BI systems that drive KPI goals (keyed by metric id).
    case metrics = "stride.metrics.v1"
    /// Goal setting, progress and attainment (keyed by the goal owner's id).
    case goals = "stride.goals.v1"
    /// Check-ins, 1:1s, feedback, evidence, improvement plans (keyed by employee id).
    case coaching = "stride.coaching.v1"
    /// Review cycles, reviews, calibration and final appraisals (keyed by employee id).
    case appraisal = "stride.appraisal.v1"
    /// Merit, bonus, promotion, development and consequence recommendations (keyed by employee id).
    case incentives = "stride.incentives.v1"
    /// Approved compensation changes for payroll systems (keyed by employee id).
    case payroll = "stride.payroll.v1"

    /// The topic name, e.g. `stride.goals.v1`.
    public var name: String { rawValue }

    /// The dead-letter topic where consumers park messages they cannot process: `<topic>.dlq`.
    public var deadLetterTopic: String { rawValue + ".dlq" }

    /// Every event type published on this topic, in catalog order.
    public var eventTypes: [any StrideEvent.Type] {
        EventCatalog.all.filter { $0.topic == self }
    }

    /// The topic whose name is `name`, or `nil` when Stride has no such topic.
    /// - Parameter name: a topic name such as `stride.goals.v1`.
    public init?(name: String) {
        self.init(rawValue: name)
    }
}
