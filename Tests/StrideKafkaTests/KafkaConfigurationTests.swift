import StrideKafka
import Testing

@Suite("Kafka configuration errors")
struct KafkaConfigurationTests {
    @Test("an unknown property is a .configuration error with librdkafka's text")
    func unknownProperty() throws {
        let error = #expect(throws: KafkaError.self) {
            _ = try KafkaProducer(
                configuration: KafkaConfiguration(bootstrapServers: "127.0.0.1:1", properties: ["no.such.property": "1"]),
                logger: KafkaTestSupport.logger)
        }
        #expect(error?.code == .configuration)
        #expect(error?.message.contains("no.such.property") == true)
        #expect(error?.message.contains("No such configuration property") == true)
    }

    @Test("an invalid value is a .configuration error with librdkafka's text")
    func invalidValue() throws {
        let error = #expect(throws: KafkaError.self) {
            _ = try KafkaConsumer(
                configuration: KafkaConfiguration(bootstrapServers: "127.0.0.1:1", properties: ["auto.offset.reset": "sometimes"]),
                groupID: "g", topics: ["t"], logger: KafkaTestSupport.logger)
        }
        #expect(error?.code == .configuration)
        #expect(error?.message.contains("auto.offset.reset") == true)
    }

    @Test("a combination librdkafka refuses is a .configuration error (acks=1 with idempotence)")
    func conflictingProperties() throws {
        let error = #expect(throws: KafkaError.self) {
            _ = try KafkaProducer(
                configuration: KafkaConfiguration(bootstrapServers: "127.0.0.1:1", properties: ["acks": "1"]),
                logger: KafkaTestSupport.logger)
        }
        #expect(error?.code == .configuration)
        #expect(error?.message.contains("idempotence") == true)
    }
}
