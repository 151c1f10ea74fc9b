import Foundation
import StrideRuntime

/// The merit matrix: final rating × salary zone → the increase range. Every rating level from 1
/// to the highest one given has a cell for each of the six zones, so the run finds a cell for
/// every rated employee.
public struct MeritMatrix: Sendable, Hashable {
    /// One cell as requests and responses spell it.
    public struct Cell: Codable, Sendable, Hashable {
        public var ratingLevel: Int
        public var zone: SalaryZone
        public var range: MeritRange

        public init(ratingLevel: Int, zone: SalaryZone, range: MeritRange) {
            self.ratingLevel = ratingLevel
            self.zone = zone
            self.range = range
        }

        enum CodingKeys: String, CodingKey {
            case ratingLevel = "rating_level"
            case zone
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            ratingLevel = try container.decode(Int.self, forKey: .ratingLevel)
            zone = try container.decode(SalaryZone.self, forKey: .zone)
            range = try MeritRange(from: decoder)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ratingLevel, forKey: .ratingLevel)
            try container.encode(zone, forKey: .zone)
            try range.encode(to: encoder)
        }
    }

    /// The cells sorted by rating level and zone.
    public let cells: [Cell]
    /// The cells in the order the request gave them, so a problem names the client's index.
    private let given: [Cell]
    private let lookup: [Int: [SalaryZone: MeritRange]]

    public init(cells: [Cell]) {
        given = cells
        self.cells = cells.sorted { ($0.ratingLevel, SalaryZone.allCases.firstIndex(of: $0.zone)!) < ($1.ratingLevel, SalaryZone.allCases.firstIndex(of: $1.zone)!) }
        var lookup: [Int: [SalaryZone: MeritRange]] = [:]
        for cell in cells { lookup[cell.ratingLevel, default: [:]][cell.zone] = cell.range }
        self.lookup = lookup
    }

    /// The range for a rating level and zone, if the matrix has it.
    public func range(ratingLevel: Int, zone: SalaryZone) -> MeritRange? {
        lookup[ratingLevel]?[zone]
    }

    /// The highest rating level the matrix covers.
    public var highestLevel: Int { lookup.keys.max() ?? 0 }

    public static func == (lhs: MeritMatrix, rhs: MeritMatrix) -> Bool { lhs.cells == rhs.cells }
    public func hash(into hasher: inout Hasher) { hasher.combine(cells) }

    /// What is wrong with the matrix, each problem naming its field under `field`.
    func violations(field: String = "merit_matrix") -> [IncentivesRuleViolation] {
        var found: [IncentivesRuleViolation] = []
        var seen: Set<String> = []
        for (index, cell) in given.enumerated() {
            if cell.ratingLevel < 1 || cell.ratingLevel > 10 {
                found.append(IncentivesRuleViolation(.invalid, field: "\(field)[\(index)].rating_level", "A rating level is from 1 to 10."))
            }
            if !seen.insert("\(cell.ratingLevel)/\(cell.zone.rawValue)").inserted {
                found.append(IncentivesRuleViolation(
                    .invalid, field: "\(field)[\(index)]", "Rating \(cell.ratingLevel) has two cells for \(cell.zone.rawValue)."))
            }
            found += cell.range.violations(field: "\(field)[\(index)]")
        }
        guard found.isEmpty else { return found }
        guard !cells.isEmpty else {
            return [IncentivesRuleViolation(.invalid, field: field, "The merit matrix needs cells.")]
        }
        for level in 1...highestLevel {
            let missing = SalaryZone.allCases.filter { lookup[level]?[$0] == nil }
            if !missing.isEmpty {
                found.append(IncentivesRuleViolation(
                    .unprocessable, field: field,
                    "Rating \(level) has no cell for \(missing.map(\.rawValue).joined(separator: ", ")); every level from 1 to \(highestLevel) needs all six zones."))
            }
        }
        return found
    }
}
