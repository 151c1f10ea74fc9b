import Foundation

/// Reads typed settings from environment variables and collects every problem, so a
/// misconfigured deployment is told about all of them at once instead of one per restart.
public struct EnvironmentReader: Sendable {
    private let values: [String: String]
    private var problems: [String] = []

    /// - Parameter values: the environment; the process environment by default.
    public init(_ values: [String: String] = ProcessInfo.processInfo.environment) {
        self.values = values
    }

    /// A required, non-empty string.
    public mutating func required(_ name: String, _ meaning: String) -> String {
        guard let value = values[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            problems.append("\(name) is missing: \(meaning)")
            return ""
        }
        return value
    }

    /// An optional string; `nil` when unset or empty.
    public func optional(_ name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// An integer within `range`, or `defaultValue` when unset.
    public mutating func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) -> Int {
        guard let text = optional(name) else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            problems.append("\(name) is invalid: '\(text)' is not a whole number in \(range.lowerBound)...\(range.upperBound)")
            return defaultValue
        }
        return value
    }

    /// Every variable whose name starts with `prefix`, keyed by the rest of the name.
    public func withPrefix(_ prefix: String) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in values where name.hasPrefix(prefix) && name.count > prefix.count {
            result[String(name.dropFirst(prefix.count))] = value
        }
        return result
    }

    /// Records a problem found by the caller's own validation.
    public mutating func report(_ problem: String) {
        problems.append(problem)
    }

    /// Throws one error listing every problem seen so far, if any.
    public func validate() throws(ConfigurationError) {
        if !problems.isEmpty { throw ConfigurationError(problems: problems.sorted()) }
    }
}

/// Every missing or invalid setting of a service's environment, in one error.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    /// One line per problem, naming the variable.
    public var problems: [String]

    public var description: String {
        "Invalid configuration (\(problems.count) problem\(problems.count == 1 ? "" : "s")):\n"
            + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
