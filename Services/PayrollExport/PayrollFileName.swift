import StrideContracts

/// The names of the files an export writes into its output directory.
public enum PayrollFileName {
    /// The payroll file of `date`: `payroll-YYYY-MM-DD.csv`.
    /// - Parameter date: the effective date.
    public static func forEffectiveDate(_ date: CalendarDate) -> String { "\(prefix)\(date)\(suffix)" }

    /// Whether `name` has the form of a payroll file (`payroll-*.csv`): the files an export owns
    /// in its output directory, and deletes when its checkpoint does not know them.
    /// - Parameter name: a file name without a directory.
    public static func isPayrollFile(_ name: String) -> Bool {
        name.hasPrefix(prefix) && name.hasSuffix(suffix) && name.count > prefix.count + suffix.count
    }

    /// `.payroll-export-checkpoint.json`: the offsets read and each file's committed length.
    public static let checkpoint = ".payroll-export-checkpoint.json"
    /// Where a new checkpoint is written before it is renamed over ``checkpoint``.
    static let checkpointTemporary = checkpoint + ".tmp"
    /// The lock file that keeps a second export out of a directory while one runs.
    static let lock = ".payroll-export.lock"

    private static let prefix = "payroll-"
    private static let suffix = ".csv"
}
