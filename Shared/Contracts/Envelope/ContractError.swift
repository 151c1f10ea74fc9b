/// Why an event could not be encoded or decoded.
///
/// ``description`` names the offending header or JSON field and is safe to show a user or to
/// write into a dead-letter header (it never contains payload values beyond the bad one).
public struct ContractError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of failure this is; compare with the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A stable, snake_case name for logs and metrics.
        public let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// A required header (`ce_id`, `ce_type`, …) is absent.
        public static let missingHeader = Code("missing_header")
        /// A header is present but malformed (bad UUID, bad timestamp, duplicated…).
        public static let invalidHeader = Code("invalid_header")
        /// `ce_specversion` is not `1.0`.
        public static let unsupportedSpecVersion = Code("unsupported_spec_version")
        /// `content-type` is not `application/json`.
        public static let unsupportedContentType = Code("unsupported_content_type")
        /// `ce_type` is not in ``EventCatalog``.
        public static let unknownEventType = Code("unknown_event_type")
        /// `ce_type` names a different event than the one the caller asked to decode.
        public static let eventTypeMismatch = Code("event_type_mismatch")
        /// The JSON payload is malformed, misses a required field or has a bad value.
        public static let invalidPayload = Code("invalid_payload")
        /// The event could not be encoded (bad money, empty key, bad trace parent…).
        public static let encodingFailed = Code("encoding_failed")
    }

    /// What kind of failure this is.
    public var code: Code
    /// The header involved, e.g. `ce_type`, when the failure is about a header.
    public var header: String?
    /// The JSON path involved, e.g. `goals[0].weight`, when the failure is about a payload field.
    public var field: String?
    /// A human-readable explanation.
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: the kind of failure.
    ///   - header: the header involved.
    ///   - field: the payload field involved.
    ///   - message: the explanation.
    public init(_ code: Code, header: String? = nil, field: String? = nil, message: String) {
        self.code = code
        self.header = header
        self.field = field
        self.message = message
    }

    public var description: String {
        "\(code.name): \(message)"
    }
}
