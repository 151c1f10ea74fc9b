import StrideKafka

extension DeadLetterReplay {
    /// The message that puts `letter` back where it came from: the topic named by its
    /// `dlq.original-topic` header (or `deadLetterTopic` without its `.dlq` suffix when the header
    /// is missing), the same key and value, and its headers without the `dlq.*` ones.
    static func message(replaying letter: KafkaConsumerMessage, from deadLetterTopic: String) -> KafkaOutgoingMessage {
        KafkaOutgoingMessage(
            topic: originalTopic(of: letter, from: deadLetterTopic), keyBytes: letter.key, value: letter.value,
            headers: letter.headers.filter { !$0.key.hasPrefix(headerPrefix) })
    }

    /// The topic `letter` was dead-lettered from.
    static func originalTopic(of letter: KafkaConsumerMessage, from deadLetterTopic: String) -> String {
        if let topic = letter.header("dlq.original-topic"), !topic.isEmpty { return topic }
        return String(deadLetterTopic.dropLast(deadLetterSuffix.count))
    }

    /// The prefix of the headers the dead-letter publisher adds (`dlq.error`, `dlq.original-topic`…).
    static let headerPrefix = "dlq."
    /// The suffix of every dead-letter topic's name.
    static let deadLetterSuffix = ".dlq"
}
