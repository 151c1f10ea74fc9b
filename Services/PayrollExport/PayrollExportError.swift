/// Why an export stopped.
///
/// ``description`` says what happened and where (the record's topic, partition and offset, or
/// the file) and is safe to show an operator. What was checkpointed before the error stays
/// checkpointed: running the export again continues from there.
public struct PayrollExportError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of failure this is; compare with the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A stable, snake_case name for logs.
        public let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// A record on the topic is not a valid payroll event (bad headers or payload). It may be
        /// a payment, so the export stops rather than lose it (unless told to skip such records).
        public static let undecodableRecord = Code("undecodable_record")
        /// The checkpoint cannot be read, or belongs to an export of another topic.
        public static let invalidCheckpoint = Code("invalid_checkpoint")
        /// The output directory does not match its checkpoint: a committed file is missing, shorter
        /// than committed, or not a payroll file.
        public static let inconsistentOutput = Code("inconsistent_output")
        /// A file system call failed.
        public static let io = Code("io")
        /// The export did not finish within its timeout.
        public static let timedOut = Code("timed_out")
    }

    /// Where on the topic a record is.
    public struct RecordPosition: Hashable, Sendable, CustomStringConvertible {
        /// The topic.
        public var topic: String
        /// The partition.
        public var partition: Int32
        /// The record's offset.
        public var offset: Int64

        /// Creates a position.
        public init(topic: String, partition: Int32, offset: Int64) {
            self.topic = topic
            self.partition = partition
            self.offset = offset
        }

        /// `topic[partition]@offset`.
        public var description: String { "\(topic)[\(partition)]@\(offset)" }
    }

    /// What kind of failure this is.
    public var code: Code
    /// The record involved, for ``Code/undecodableRecord``.
    public var position: RecordPosition?
    /// A human-readable explanation.
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: the kind of failure.
    ///   - position: the record involved.
    ///   - message: the explanation.
    public init(_ code: Code, position: RecordPosition? = nil, message: String) {
        self.code = code
        self.position = position
        self.message = message
    }

    public var description: String { "\(code.name): \(message)" }
}
