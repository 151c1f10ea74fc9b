import CRdKafka

/// An error from the Kafka client: what failed (``Code``), librdkafka's error code and name when
/// there is one, and a message that is safe to show to a user or write to a log.
public struct KafkaError: Error, CustomStringConvertible, Sendable {
    /// The kind of failure; compare with the static members, e.g. `error.code == .delivery`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// A librdkafka property is unknown or has an invalid value, or the client could not be created.
        public static let configuration = Code("configuration")
        /// The broker could not be reached in time (``KafkaProducer/ping(timeout:)``).
        public static let connection = Code("connection")
        /// A message was not delivered (timed out, rejected by the broker, purged on close…).
        public static let delivery = Code("delivery")
        /// Consuming failed in a way the consumer cannot recover from.
        public static let consume = Code("consume")
        /// An offset commit failed.
        public static let commit = Code("commit")
        /// An admin request (such as creating topics) failed.
        public static let admin = Code("admin")
        /// A blocking operation did not finish within its timeout.
        public static let timedOut = Code("timedOut")
        /// The client was closed before or during the call.
        public static let closed = Code("closed")
        /// The caller's task was cancelled before the operation could finish.
        public static let cancelled = Code("cancelled")
        /// librdkafka raised a fatal error: the client cannot be used any more and must be recreated.
        public static let fatal = Code("fatal")

        public var description: String { name }
    }

    /// What failed.
    public var code: Code
    /// librdkafka's `rd_kafka_resp_err_t` (negative: local, positive: broker), when there is one.
    public var rdKafkaCode: Int32?
    /// librdkafka's symbolic name for ``rdKafkaCode``, e.g. `_MSG_TIMED_OUT` or `TOPIC_ALREADY_EXISTS`.
    public var rdKafkaName: String?
    /// What happened, including librdkafka's text when there is one.
    public var message: String

    /// Creates an error; library code normally builds errors from librdkafka codes.
    public init(code: Code, rdKafkaCode: Int32? = nil, rdKafkaName: String? = nil, message: String) {
        self.code = code
        self.rdKafkaCode = rdKafkaCode
        self.rdKafkaName = rdKafkaName
        self.message = message
    }

    public var description: String {
        var text = "Kafka \(code) error: \(message)"
        if let rdKafkaCode { text += " (librdkafka \(rdKafkaName ?? "error") \(rdKafkaCode))" }
        return text
    }
}

extension KafkaError {
    /// Builds an error from a librdkafka code; `message` is prefixed to librdkafka's own text.
    init(_ code: Code, _ err: rd_kafka_resp_err_t, _ context: String, detail: String? = nil) {
        let text = detail ?? String(cString: rd_kafka_err2str(err))
        self.init(
            code: code, rdKafkaCode: err.rawValue, rdKafkaName: String(cString: rd_kafka_err2name(err)),
            message: "\(context): \(text)")
    }

    static func closed(_ what: String) -> KafkaError {
        KafkaError(code: .closed, message: "the Kafka \(what) is closed")
    }
}
