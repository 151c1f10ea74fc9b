/// W3C Trace Context `traceparent` syntax: `00-<32 hex>-<16 hex>-<2 hex>`, ids not all zero.
enum TraceParent {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].count == 2, parts[1].count == 32, parts[2].count == 16, parts[3].count == 2,
            parts[0] != "ff"
        else { return false }
        let isLowerHex = { (byte: UInt8) in
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
        }
        guard parts.allSatisfy({ $0.utf8.allSatisfy(isLowerHex) }) else { return false }
        return parts[1].contains { $0 != "0" } && parts[2].contains { $0 != "0" }
    }
}
