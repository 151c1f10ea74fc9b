/// The offsets that bound a partition's records, as the partition leader reported them.
public struct KafkaWatermarks: Hashable, Sendable {
    /// The offset of the first record still kept (the log start).
    public var low: Int64
    /// The offset the next record will get (the high watermark, the partition's end).
    public var high: Int64

    /// Creates watermarks.
    public init(low: Int64, high: Int64) {
        self.low = low
        self.high = high
    }
}
