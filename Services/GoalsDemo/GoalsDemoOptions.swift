import StrideDemoKit
import ArgumentParser
import Foundation

/// Where `stride-demo` finds the goals service.
package struct GoalsDemoOptions: ParsableArguments {
    @Option(help: "The goals service's base URL (default: $GOALS_URL, else http://127.0.0.1:8080).")
    package var goalsURL: String?

    package init() {}

    /// The base URL to use.
    package var baseURL: String {
        goalsURL ?? ProcessInfo.processInfo.environment["GOALS_URL"] ?? "http://127.0.0.1:8080"
    }
}
