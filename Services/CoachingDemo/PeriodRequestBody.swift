import StrideContracts

/// `POST /v1/periods` on the goals service: HR opens the next goal year, where the goals
/// suggested in feedback interviews become drafts.
struct PeriodRequestBody: Encodable, Sendable {
    var name: String
    var kind: String
    var startsOn: CalendarDate
    var endsOn: CalendarDate
    var orgUnitID: String

    enum CodingKeys: String, CodingKey {
        case name, kind
        case startsOn = "starts_on"
        case endsOn = "ends_on"
        case orgUnitID = "org_unit_id"
    }
}
