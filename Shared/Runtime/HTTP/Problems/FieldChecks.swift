import Foundation

/// A service's rule violation that the shared field checks can make: every service phrases its
/// broken rules in its own type, and ``FieldChecks`` appends to a list of it.
public protocol ConstructibleRuleViolation: RuleViolation {
    /// A violation of `kind`, naming the JSON `field` when there is one.
    init(_ kind: RuleViolationKind, field: String?, _ message: String)
}

/// The field checks every service's forms share: required and optional text with a length limit,
/// and bounded lists of identifiers or one-line entries. Each appends a violation of kind
/// `.invalid` naming the JSON field, so a form reports every problem at once.
public enum FieldChecks {
    /// Whether `text` is empty once whitespace and newlines are trimmed.
    public static func isBlank(_ text: String) -> Bool {
        text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// A required text: not blank, at most `maxLength` characters.
    public static func requiredText<Violation: ConstructibleRuleViolation>(
        _ text: String, field: String, name: String, maxLength: Int, into found: inout [Violation]
    ) {
        if isBlank(text) {
            found.append(Violation(.invalid, field: field, "Write the \(name)."))
        } else {
            longText(text, field: field, name: name, maxLength: maxLength, into: &found)
        }
    }

    /// An optional text: absent is fine; present must be at most `maxLength` characters.
    public static func optionalText<Violation: ConstructibleRuleViolation>(
        _ text: String?, field: String, name: String, maxLength: Int, into found: inout [Violation]
    ) {
        guard let text else { return }
        longText(text, field: field, name: name, maxLength: maxLength, into: &found)
    }

    /// Identifiers such as goal ids: at most `maxCount` (at least `minCount`), none blank, none repeated.
    public static func identifiers<Violation: ConstructibleRuleViolation>(
        _ ids: [String], field: String, name: String, minCount: Int = 0, maxCount: Int,
        into found: inout [Violation]
    ) {
        count(ids.count, field: field, name: name, minCount: minCount, maxCount: maxCount, into: &found)
        var seen = Set<String>()
        for (index, id) in ids.enumerated() {
            if isBlank(id) {
                found.append(Violation(.invalid, field: "\(field)[\(index)]", "An id in \(name) is empty."))
            } else if !seen.insert(id).inserted {
                found.append(
                    Violation(.invalid, field: "\(field)[\(index)]", "\(id) appears twice in \(name)."))
            }
        }
    }

    /// One-line entries such as agreed actions: at most `maxCount` (at least `minCount`), each
    /// required text of at most `maxLength` characters.
    public static func lines<Violation: ConstructibleRuleViolation>(
        _ items: [String], field: String, name: String, minCount: Int = 0, maxCount: Int, maxLength: Int,
        into found: inout [Violation]
    ) {
        count(items.count, field: field, name: name, minCount: minCount, maxCount: maxCount, into: &found)
        for (index, item) in items.enumerated() {
            requiredText(item, field: "\(field)[\(index)]", name: "entry", maxLength: maxLength, into: &found)
        }
    }

    /// A list length between `minCount` and `maxCount`.
    public static func count<Violation: ConstructibleRuleViolation>(
        _ count: Int, field: String, name: String, minCount: Int = 0, maxCount: Int,
        into found: inout [Violation]
    ) {
        if count < minCount {
            found.append(
                Violation(.invalid, field: field, "Give at least \(minCount) \(name); there are \(count)."))
        } else if count > maxCount {
            found.append(
                Violation(.invalid, field: field, "Give at most \(maxCount) \(name); there are \(count)."))
        }
    }

    private static func longText<Violation: ConstructibleRuleViolation>(
        _ text: String, field: String, name: String, maxLength: Int, into found: inout [Violation]
    ) {
        if text.count > maxLength {
            found.append(
                Violation(
                    .invalid, field: field, "The \(name) has \(text.count) characters; the most is \(maxLength)."))
        }
    }
}
