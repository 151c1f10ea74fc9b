import Foundation
import StrideRuntime

/// The field checks every coaching form shares: required and optional text with a length limit,
/// and bounded lists of identifiers or one-line entries. Each appends an ``CoachingRuleViolation``
/// of kind `.invalid` naming the JSON field, so a form reports every problem at once.
enum FieldChecks {
    /// Whether `text` is empty once whitespace and newlines are trimmed.
    static func isBlank(_ text: String) -> Bool {
        text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// A required text: not blank, at most `maxLength` characters.
    static func requiredText(
        _ text: String, field: String, name: String, maxLength: Int, into found: inout [CoachingRuleViolation]
    ) {
        if isBlank(text) {
            found.append(CoachingRuleViolation(.invalid, field: field, "Write the \(name)."))
        } else {
            longText(text, field: field, name: name, maxLength: maxLength, into: &found)
        }
    }

    /// An optional text: absent is fine; present must be at most `maxLength` characters.
    static func optionalText(
        _ text: String?, field: String, name: String, maxLength: Int, into found: inout [CoachingRuleViolation]
    ) {
        guard let text else { return }
        longText(text, field: field, name: name, maxLength: maxLength, into: &found)
    }

    /// Identifiers such as goal ids: at most `maxCount` (at least `minCount`), none blank, none repeated.
    static func identifiers(
        _ ids: [String], field: String, name: String, minCount: Int = 0, maxCount: Int,
        into found: inout [CoachingRuleViolation]
    ) {
        count(ids.count, field: field, name: name, minCount: minCount, maxCount: maxCount, into: &found)
        var seen = Set<String>()
        for (index, id) in ids.enumerated() {
            if isBlank(id) {
                found.append(CoachingRuleViolation(.invalid, field: "\(field)[\(index)]", "An id in \(name) is empty."))
            } else if !seen.insert(id).inserted {
                found.append(
                    CoachingRuleViolation(.invalid, field: "\(field)[\(index)]", "\(id) appears twice in \(name)."))
            }
        }
    }

    /// One-line entries such as agreed actions: at most `maxCount` (at least `minCount`), each
    /// required text of at most `maxLength` characters.
    static func lines(
        _ items: [String], field: String, name: String, minCount: Int = 0, maxCount: Int, maxLength: Int,
        into found: inout [CoachingRuleViolation]
    ) {
        count(items.count, field: field, name: name, minCount: minCount, maxCount: maxCount, into: &found)
        for (index, item) in items.enumerated() {
            requiredText(item, field: "\(field)[\(index)]", name: "entry", maxLength: maxLength, into: &found)
        }
    }

    /// A list length between `minCount` and `maxCount`.
    static func count(
        _ count: Int, field: String, name: String, minCount: Int = 0, maxCount: Int,
        into found: inout [CoachingRuleViolation]
    ) {
        if count < minCount {
            found.append(
                CoachingRuleViolation(.invalid, field: field, "Give at least \(minCount) \(name); there are \(count)."))
        } else if count > maxCount {
            found.append(
                CoachingRuleViolation(.invalid, field: field, "Give at most \(maxCount) \(name); there are \(count)."))
        }
    }

    private static func longText(
        _ text: String, field: String, name: String, maxLength: Int, into found: inout [CoachingRuleViolation]
    ) {
        if text.count > maxLength {
            found.append(
                CoachingRuleViolation(
                    .invalid, field: field, "The \(name) has \(text.count) characters; the most is \(maxLength)."))
        }
    }
}
