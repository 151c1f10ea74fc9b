import StrideContracts

/// What to export, where, and how.
public struct PayrollExportOptions: Sendable {
    /// The output directory: payroll files and the checkpoint. Created when missing.
    public var outputDirectory: String
    /// The topic to read (default `stride.payroll.v1`).
    public var topic: String
    /// Keep reading new records until cancelled, instead of stopping at the ends the topic had
    /// when the export started.
    public var follow = false
    /// Fail when the export has not finished by then (what was done stays checkpointed): catches a
    /// hang, says nothing about when the topic is complete. With ``follow``, it bounds only the start.
    public var timeout: Duration = .seconds(600)
    /// Skip records that cannot be decoded (listing them in the summary) instead of stopping at the
    /// first one.
    public var skipUndecodable = false
    /// Read, write and checkpoint at most this many records at a time.
    public var maxBatch = 10_000
    /// How long finding the topic, its partitions and their ends may take.
    public var openTimeout: Duration = .seconds(30)

    /// The defaults for exporting `topic` into `outputDirectory`.
    /// - Parameters:
    ///   - outputDirectory: where the payroll files and the checkpoint are.
    ///   - topic: the payroll topic.
    public init(outputDirectory: String, topic: String = StrideTopic.payroll.rawValue) {
        self.outputDirectory = outputDirectory
        self.topic = topic
    }
}
