import Foundation
import StrideContracts
import StrideRuntime

/// A template's rating scale: the labels of its levels, lowest first. Level 1 is `labels[0]`;
/// higher is better. A template version fixes it, so every rating in a cycle means the same.
public struct RatingScale: Codable, Sendable, Equatable {
    /// The fewest and most levels a scale has.
    public static let levelCountRange = 2...10
    /// The longest label, in characters.
    public static let maxLabelLength = 60

    /// The labels, index 0 = level 1, e.g. `["Below", "Meets", "Exceeds"]`.
    public var labels: [String]

    /// Creates a scale.
    /// - Parameter labels: the labels, lowest level first.
    public init(labels: [String]) {
        self.labels = labels
    }

    /// The highest level (the number of labels).
    public var maximum: Int { labels.count }

    /// Whether `level` is on the scale (1…``maximum``).
    /// - Parameter level: a level.
    public func contains(_ level: Int) -> Bool {
        level >= 1 && level <= maximum
    }

    /// The label of `level`, or `Level n` for a level not on the scale (never traps).
    /// - Parameter level: a level, 1…``maximum``.
    public func label(of level: Int) -> String {
        contains(level) ? labels[level - 1] : "Level \(level)"
    }

    /// The contract's rating for `level`: level, label and the scale's maximum.
    /// - Parameter level: a level, 1…``maximum``.
    public func rating(_ level: Int) -> Rating {
        Rating(level: level, label: label(of: level), scaleMaximum: maximum)
    }

    /// Every rule `labels` break, each `.invalid`: ``levelCountRange`` levels (on `field`), each
    /// label written and at most ``maxLabelLength`` characters, no label twice ignoring case and
    /// surrounding spaces (on `field[i]`).
    /// - Parameters:
    ///   - labels: the labels, lowest first.
    ///   - field: the JSON field they came in, e.g. `scale.labels`.
    public static func violations(of labels: [String], field: String) -> [AppraisalRuleViolation] {
        var found: [AppraisalRuleViolation] = []
        FieldChecks.count(
            labels.count, field: field, name: "levels", minCount: levelCountRange.lowerBound,
            maxCount: levelCountRange.upperBound, into: &found)
        var seen = Set<String>()
        for (index, label) in labels.enumerated() {
            let at = "\(field)[\(index)]"
            FieldChecks.requiredText(label, field: at, name: "label of level \(index + 1)", maxLength: maxLabelLength, into: &found)
            let key = label.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if !key.isEmpty, !seen.insert(key).inserted {
                found.append(AppraisalRuleViolation(.invalid, field: at, "\"\(label)\" labels two levels."))
            }
        }
        return found
    }

    private enum CodingKeys: String, CodingKey {
        case labels
    }
}
