import CRdKafka

extension KafkaError {
    /// True when the failure says the producer itself can no longer deliver and must be replaced
    /// by a new one: a fatal error, or the broker no longer knows the idempotent producer's id or
    /// sequence (after a broker lost its state, or a cluster expired the producer id).
    public var requiresNewProducer: Bool {
        if code == .fatal { return true }
        guard let rdKafkaCode else { return false }
        return Self.producerStateCodes.contains(rdKafkaCode)
    }

    /// True when this one message can never be delivered however often it is retried (too large,
    /// topic denied or invalid), as opposed to an outage that retrying later overcomes.
    public var isPermanentForMessage: Bool {
        guard code == .delivery, let rdKafkaCode else { return false }
        return Self.permanentMessageCodes.contains(rdKafkaCode)
    }

    private static let producerStateCodes: Set<Int32> = [
        RD_KAFKA_RESP_ERR__FATAL.rawValue,
        RD_KAFKA_RESP_ERR_UNKNOWN_PRODUCER_ID.rawValue,
        RD_KAFKA_RESP_ERR_OUT_OF_ORDER_SEQUENCE_NUMBER.rawValue,
        RD_KAFKA_RESP_ERR_INVALID_PRODUCER_EPOCH.rawValue,
        RD_KAFKA_RESP_ERR_INVALID_PRODUCER_ID_MAPPING.rawValue,
    ]

    private static let permanentMessageCodes: Set<Int32> = [
        RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE.rawValue,
        RD_KAFKA_RESP_ERR_INVALID_MSG_SIZE.rawValue,
        RD_KAFKA_RESP_ERR_RECORD_LIST_TOO_LARGE.rawValue,
        RD_KAFKA_RESP_ERR_INVALID_RECORD.rawValue,
        RD_KAFKA_RESP_ERR_TOPIC_EXCEPTION.rawValue,
        RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED.rawValue,
        RD_KAFKA_RESP_ERR_POLICY_VIOLATION.rawValue,
        RD_KAFKA_RESP_ERR__INVALID_ARG.rawValue,
    ]
}
