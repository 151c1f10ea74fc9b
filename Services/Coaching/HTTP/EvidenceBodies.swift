import Foundation
import StrideContracts
import StrideRuntime

/// `POST /v1/employees/{employeeID}/evidence`: `{"kind", "occurred_on", "what_happened", "impact",
/// "link_url"?, "goal_ids"?, "competency_id"?}` (`goal_ids` defaults to none).
struct NewEvidence: Decodable, Sendable {
    var entry: EvidenceEntry

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        entry = EvidenceEntry(
            kind: try container.decode(EvidenceKind.self, forKey: .kind),
            occurredOn: try container.decode(CalendarDate.self, forKey: .occurredOn),
            whatHappened: try container.decode(String.self, forKey: .whatHappened),
            impact: try container.decode(String.self, forKey: .impact),
            linkURL: try container.decodeIfPresent(String.self, forKey: .linkURL),
            goalIDs: try container.decodeIfPresent([String].self, forKey: .goalIDs) ?? [],
            competencyID: try container.decodeIfPresent(String.self, forKey: .competencyID))
    }

    enum CodingKeys: String, CodingKey {
        case kind
        case occurredOn = "occurred_on"
        case whatHappened = "what_happened"
        case impact
        case linkURL = "link_url"
        case goalIDs = "goal_ids"
        case competencyID = "competency_id"
    }
}
