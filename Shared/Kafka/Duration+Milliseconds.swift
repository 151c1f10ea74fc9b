extension Duration {
    /// The duration in whole milliseconds, clamped to what librdkafka's `int` timeouts accept.
    var milliseconds: Int32 {
        let (seconds, attoseconds) = components
        let total = seconds.multipliedReportingOverflow(by: 1000)
        guard !total.overflow else { return seconds < 0 ? 0 : Int32.max }
        return Int32(clamping: max(0, total.partialValue + attoseconds / 1_000_000_000_000_000))
    }
}
