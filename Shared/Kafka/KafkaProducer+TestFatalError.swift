import CRdKafka

extension KafkaProducer {
    /// Makes librdkafka raise a fabricated fatal error on this producer (`rd_kafka_test_fatal_error`),
    /// as a broker that forgot the idempotent producer's id would: every later send fails with a
    /// `.fatal` ``KafkaError``. For tests of the code that must replace such a producer.
    func raiseFatalErrorForTesting() {
        guard lifecycle.acquire() else { return }
        defer { lifecycle.release() }
        _ = rd_kafka_test_fatal_error(client.handle, RD_KAFKA_RESP_ERR_UNKNOWN_PRODUCER_ID, "simulated by a test")
    }
}
