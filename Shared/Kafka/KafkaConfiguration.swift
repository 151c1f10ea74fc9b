/// Where the Kafka cluster is and how to talk to it.
///
/// `properties` are handed to librdkafka verbatim, so every librdkafka setting (SASL, TLS, timeouts,
/// compression…) is available without a Swift wrapper for each. They override Stride's defaults.
/// See <https://github.com/confluentinc/librdkafka/blob/master/CONFIGURATION.md>.
public struct KafkaConfiguration: Sendable {
    /// The `bootstrap.servers` list, e.g. `kafka-1:9092,kafka-2:9092`.
    public var bootstrapServers: String
    /// Verbatim librdkafka properties, e.g. `["security.protocol": "SASL_SSL"]`. They win over
    /// Stride's defaults (and over `bootstrapServers` when they set `bootstrap.servers`).
    public var properties: [String: String]

    /// Creates a configuration.
    /// - Parameters:
    ///   - bootstrapServers: the brokers to contact first, comma-separated `host:port` pairs.
    ///   - properties: librdkafka properties; an unknown or invalid one makes the client's
    ///     initializer throw a `.configuration` ``KafkaError`` with librdkafka's explanation.
    public init(bootstrapServers: String, properties: [String: String] = [:]) {
        self.bootstrapServers = bootstrapServers
        self.properties = properties
    }

    /// The properties a client is created with, in the order they are applied: `bootstrap.servers`,
    /// then `defaults`, then the caller's `properties`. Applying the caller's last lets them win even
    /// through a librdkafka alias (e.g. `delivery.timeout.ms` for `message.timeout.ms`).
    func resolvedProperties(defaults: [String: String]) -> [(key: String, value: String)] {
        [("bootstrap.servers", bootstrapServers)]
            + defaults.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            + properties.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
