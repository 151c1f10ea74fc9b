import StrideContracts
import StrideKafka

/// How Stride's topics are laid out on a cluster: every catalog topic and its dead-letter topic.
public enum TopicCatalog {
    /// The topic specifications, ready for `KafkaAdmin.createTopics`.
    ///
    /// `hr.employees.v1` is compacted (the latest record per employee is the org chart);
    /// event topics keep their history for replays and new consumers.
    /// - Parameters:
    ///   - partitions: partitions per topic; all events about one key stay in one partition.
    ///   - replicationFactor: -1 leaves it to the broker's default.
    public static func specs(partitions: Int32 = 4, replicationFactor: Int16 = -1) -> [KafkaTopicSpec] {
        StrideTopic.allCases.flatMap { topic -> [KafkaTopicSpec] in
            let configs = topic == .employees ? ["cleanup.policy": "compact"] : [:]
            return [
                KafkaTopicSpec(name: topic.rawValue, partitions: partitions, replicationFactor: replicationFactor, configs: configs),
                KafkaTopicSpec(name: topic.deadLetterTopic, partitions: partitions, replicationFactor: replicationFactor),
            ]
        }
    }
}
