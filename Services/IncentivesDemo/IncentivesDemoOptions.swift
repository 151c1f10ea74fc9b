import ArgumentParser
import Foundation

/// Where `stride-demo` finds the incentives service, and where its payroll export writes.
package struct IncentivesDemoOptions: ParsableArguments {
    @Option(help: "The incentives service's base URL (default: $INCENTIVES_URL, else http://127.0.0.1:8084).")
    package var incentivesURL: String?

    @Option(help: "Where the payroll export writes its CSV files: a new directory under it each run.")
    package var payrollDirectory = ".stride/payroll"

    package init() {}

    /// The base URL to use.
    package var baseURL: String {
        incentivesURL ?? ProcessInfo.processInfo.environment["INCENTIVES_URL"] ?? "http://127.0.0.1:8084"
    }
}
