import CRdKafka
import Logging

/// librdkafka's C callbacks. They capture nothing and find their ``ClientContext`` through the
/// opaque pointer, which lives as long as the handle.
enum RDKafkaCallbacks {
    /// Installs the log, error and (when the context tracks deliveries) delivery-report callbacks.
    static func install(on conf: OpaquePointer, context: UnsafeMutableRawPointer, deliveries: Bool) {
        rd_kafka_conf_set_opaque(conf, context)
        rd_kafka_conf_set_log_cb(conf, logCallback)
        rd_kafka_conf_set_error_cb(conf, errorCallback)
        if deliveries { rd_kafka_conf_set_dr_msg_cb(conf, deliveryCallback) }
    }

    private static func context(_ opaque: UnsafeMutableRawPointer?) -> ClientContext? {
        opaque.map { Unmanaged<ClientContext>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Maps a syslog level (librdkafka's log levels) to swift-log's.
    static func logLevel(syslog level: Int32) -> Logger.Level {
        switch level {
        case ...2: .critical
        case 3: .error
        case 4: .warning
        case 5: .notice
        case 6: .info
        default: .debug
        }
    }

    private static let logCallback: @convention(c) (OpaquePointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Void = {
        handle, level, facility, text in
        guard let handle, let context = context(rd_kafka_opaque(handle)) else { return }
        context.logger.log(
            level: logLevel(syslog: level), "\(text.map { String(cString: $0) } ?? "")",
            metadata: [
                "kafka.client": "\(String(cString: rd_kafka_name(handle)))",
                "kafka.facility": "\(facility.map { String(cString: $0) } ?? "")",
            ])
    }

    private static let errorCallback: @convention(c) (OpaquePointer?, Int32, UnsafePointer<CChar>?, UnsafeMutableRawPointer?) -> Void = {
        handle, code, reason, opaque in
        guard let context = context(opaque) else { return }
        let err = rd_kafka_resp_err_t(rawValue: code)
        let transient: Set<Int32> = [
            RD_KAFKA_RESP_ERR__TRANSPORT.rawValue, RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN.rawValue,
            RD_KAFKA_RESP_ERR__RESOLVE.rawValue, RD_KAFKA_RESP_ERR__TIMED_OUT.rawValue,
        ]
        let level: Logger.Level = err == RD_KAFKA_RESP_ERR__FATAL ? .critical : transient.contains(code) ? .warning : .error
        context.logger.log(
            level: level, "librdkafka error: \(reason.map { String(cString: $0) } ?? "")",
            metadata: [
                "kafka.client": "\(handle.map { String(cString: rd_kafka_name($0)) } ?? "")",
                "kafka.error.code": "\(code)",
                "kafka.error.name": "\(String(cString: rd_kafka_err2name(err)))",
            ])
    }

    private static let deliveryCallback: @convention(c) (OpaquePointer?, UnsafePointer<rd_kafka_message_t>?, UnsafeMutableRawPointer?) -> Void = {
        _, message, opaque in
        guard let message, let tracker = context(opaque)?.deliveries else { return }
        let m = message.pointee
        tracker.complete(
            id: DeliveryTracker.MessageID(opaque: m._private),
            RawDelivery(partition: m.partition, offset: m.offset, error: m.err.rawValue))
    }
}
