import Logging

/// What librdkafka's C callbacks need: the injected logger and, for producers, the delivery tracker.
///
/// Passed to librdkafka as the configuration opaque (`rd_kafka_conf_set_opaque`) as an
/// `Unmanaged` reference retained by ``RDKafkaClient`` until after `rd_kafka_destroy` returns,
/// so no callback can see a freed context.
final class ClientContext: Sendable {
    let logger: Logger
    let deliveries: DeliveryTracker?

    init(logger: Logger, deliveries: DeliveryTracker? = nil) {
        self.logger = logger
        self.deliveries = deliveries
    }
}
