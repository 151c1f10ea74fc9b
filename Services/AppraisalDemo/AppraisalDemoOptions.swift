import ArgumentParser
import Foundation

/// Where `stride-demo` finds the appraisal service.
package struct AppraisalDemoOptions: ParsableArguments {
    @Option(help: "The appraisal service's base URL (default: $APPRAISAL_URL, else http://127.0.0.1:8083).")
    package var appraisalURL: String?

    package init() {}

    /// The base URL to use.
    package var baseURL: String {
        appraisalURL ?? ProcessInfo.processInfo.environment["APPRAISAL_URL"] ?? "http://127.0.0.1:8083"
    }
}
