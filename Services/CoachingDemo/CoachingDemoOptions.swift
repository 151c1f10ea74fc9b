import ArgumentParser
import Foundation

/// Where `stride-demo` finds the coaching service.
package struct CoachingDemoOptions: ParsableArguments {
    @Option(help: "The coaching service's base URL (default: $COACHING_URL, else http://127.0.0.1:8082).")
    package var coachingURL: String?

    package init() {}

    /// The base URL to use.
    package var baseURL: String {
        coachingURL ?? ProcessInfo.processInfo.environment["COACHING_URL"] ?? "http://127.0.0.1:8082"
    }
}
