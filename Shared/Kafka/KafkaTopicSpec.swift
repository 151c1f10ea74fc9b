/// A topic that ``KafkaAdmin/createTopics(_:timeout:)`` should create.
public struct KafkaTopicSpec: Sendable, Hashable {
    /// The topic name.
    public var name: String
    /// The number of partitions.
    public var partitions: Int32
    /// The replication factor; `-1` lets the broker use its `default.replication.factor`.
    public var replicationFactor: Int16
    /// Topic configs, e.g. `["cleanup.policy": "compact"]`.
    public var configs: [String: String]

    /// Creates a topic specification.
    public init(name: String, partitions: Int32 = 4, replicationFactor: Int16 = -1, configs: [String: String] = [:]) {
        self.name = name
        self.partitions = partitions
        self.replicationFactor = replicationFactor
        self.configs = configs
    }
}
