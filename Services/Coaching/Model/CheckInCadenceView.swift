import StrideContracts

/// A pair's cadence and where it stands, as `GET`/`PUT /v1/employees/{id}/cadence` answer it.
public struct CheckInCadenceView: Codable, Sendable, Equatable {
    /// Whether someone chose the cadence (`set`) or it is the configured default (`default`).
    public enum Source: String, Codable, Sendable {
        case set
        case `default`
    }

    public var employeeID: String
    /// The employee's manager: the pair's, or the org directory's when there is no pair yet.
    public var managerID: String?
    public var cadence: CheckInCadence
    public var source: Source
    /// The day the pair began; absent until either side sets a cadence or the first check-in.
    public var startedOn: CalendarDate?
    public var lastCheckInOn: CalendarDate?
    /// When the next check-in falls due (without a pair: as if it began today).
    public var nextDueOn: CalendarDate
    public var standing: CheckInStandingName
    /// Days past the due date when due or overdue.
    public var daysPastDue: Int?
    /// Days until the due date when not due yet.
    public var daysUntilDue: Int?

    enum CodingKeys: String, CodingKey {
        case employeeID = "employee_id"
        case managerID = "manager_id"
        case cadence, source
        case startedOn = "started_on"
        case lastCheckInOn = "last_check_in_on"
        case nextDueOn = "next_due_on"
        case standing
        case daysPastDue = "days_past_due"
        case daysUntilDue = "days_until_due"
    }

    init(pair: CheckInPair, standing: CheckInStanding) {
        self.init(
            employeeID: pair.employeeID, managerID: pair.managerID, cadence: pair.cadence, source: .set,
            startedOn: pair.startedOn, lastCheckInOn: pair.lastCheckInOn, nextDueOn: pair.nextDueOn, standing: standing)
    }

    init(
        employeeID: String, managerID: String?, cadence: CheckInCadence, source: Source, startedOn: CalendarDate?,
        lastCheckInOn: CalendarDate?, nextDueOn: CalendarDate, standing: CheckInStanding
    ) {
        self.employeeID = employeeID
        self.managerID = managerID
        self.cadence = cadence
        self.source = source
        self.startedOn = startedOn
        self.lastCheckInOn = lastCheckInOn
        self.nextDueOn = nextDueOn
        self.standing = CheckInStandingName(standing)
        daysPastDue = standing.daysPastDue
        daysUntilDue = standing.daysUntilDue
    }
}

/// A check-in that is due or overdue, in a manager's list.
public struct DueCheckIn: Codable, Sendable, Equatable {
    public var employeeID: String
    public var managerID: String
    public var cadence: CheckInCadence
    public var lastCheckInOn: CalendarDate?
    public var nextDueOn: CalendarDate
    /// `due` or `overdue`.
    public var standing: CheckInStandingName
    public var daysPastDue: Int

    enum CodingKeys: String, CodingKey {
        case employeeID = "employee_id"
        case managerID = "manager_id"
        case cadence
        case lastCheckInOn = "last_check_in_on"
        case nextDueOn = "next_due_on"
        case standing
        case daysPastDue = "days_past_due"
    }

    init(pair: CheckInPair, standing: CheckInStanding) {
        employeeID = pair.employeeID
        managerID = pair.managerID
        cadence = pair.cadence
        lastCheckInOn = pair.lastCheckInOn
        nextDueOn = pair.nextDueOn
        self.standing = CheckInStandingName(standing)
        daysPastDue = standing.daysPastDue ?? 0
    }
}

/// ``CheckInStanding`` as JSON: `not_due`, `due`, `overdue`.
public enum CheckInStandingName: String, Codable, Sendable, CaseIterable {
    case notDue = "not_due"
    case due
    case overdue

    init(_ standing: CheckInStanding) {
        switch standing {
        case .notDue: self = .notDue
        case .due: self = .due
        case .overdue: self = .overdue
        }
    }
}

extension CheckInStanding {
    /// Days past the due date, when due or overdue.
    var daysPastDue: Int? {
        switch self {
        case .notDue: nil
        case .due(let days), .overdue(let days): days
        }
    }

    /// Days until the due date, when not due yet.
    var daysUntilDue: Int? {
        if case .notDue(let days) = self { return days }
        return nil
    }
}
