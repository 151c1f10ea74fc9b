import StrideContracts
import StrideKafka

/// What one record of the payroll topic means to the export.
enum PayrollRecord: Equatable {
    /// A payroll event: the line it puts in a file.
    case line(PayrollLine)
    /// An event of a type the export does not know (`ce_type`): skipped and counted.
    case unknownType(String)

    /// Why a record could not be decoded.
    struct Undecodable: Error, Equatable {
        /// Where the record is.
        var position: PayrollExportError.RecordPosition
        /// What is wrong: a missing or bad header, a missing or bad payload field.
        var reason: String
    }

    /// Decodes a record: CloudEvents headers, then the payload of the type `ce_type` names.
    /// - Parameter message: the record.
    /// - Throws: ``Undecodable`` naming the record's topic, partition and offset and what is wrong.
    static func decode(_ message: KafkaConsumerMessage) throws(Undecodable) -> PayrollRecord {
        let headers = message.headers.map { EventHeader(name: $0.key, value: $0.stringValue ?? "") }
        do {
            let metadata = try EventCodec.decodeMetadata(headers: headers)
            switch metadata.type {
            case CompensationChangeApproved.eventType:
                return .line(PayrollLine(try EventCodec.decodePayload(CompensationChangeApproved.self, from: message.value)))
            case CompensationChangeReversed.eventType:
                return .line(PayrollLine(try EventCodec.decodePayload(CompensationChangeReversed.self, from: message.value)))
            default:
                return .unknownType(metadata.type)
            }
        } catch {
            throw Undecodable(
                position: PayrollExportError.RecordPosition(topic: message.topic, partition: message.partition, offset: message.offset),
                reason: "\(error)")
        }
    }
}
