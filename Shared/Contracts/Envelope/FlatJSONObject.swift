/// A strict, allocation-light reader of the flat JSON objects the hottest payloads are: members
/// whose values are strings, `null`, or objects of strings (``Money``).
///
/// It is an accelerator, never an authority: it answers `nil` for anything it is not sure of
/// (escapes, numbers, arrays, duplicate keys, invalid UTF-8, malformed JSON), and the caller then
/// decodes with `JSONDecoder`, which gives the real answer or the real error. Whatever it does
/// accept, `JSONDecoder` accepts with the same values.
struct FlatJSONObject {
    /// A member's value.
    enum Value {
        case string(String)
        case null
        case object([(String, String)])
    }

    private var members: [(String, Value)] = []

    /// Reads `bytes` as one JSON object; `nil` when it is not one of the objects this reader knows.
    init?(_ bytes: [UInt8]) {
        let parsed: [(String, Value)]? = bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer)
            return scanner.topLevelObject()
        }
        guard let parsed else { return nil }
        members = parsed
    }

    /// The value of `key`; `nil` when absent.
    func value(_ key: String) -> Value? {
        for member in members where member.0 == key { return member.1 }
        return nil
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func topLevelObject() -> [(String, Value)]? {
            skipWhitespace()
            guard let members = object(nested: false) else { return nil }
            skipWhitespace()
            return index == bytes.count ? members : nil
        }

        /// An object at `index` (at its `{`); nested objects may hold only strings.
        private mutating func object(nested: Bool) -> [(String, Value)]? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var members: [(String, Value)] = []
            skipWhitespace()
            if take(UInt8(ascii: "}")) { return members }
            while true {
                skipWhitespace()
                guard let key = string() else { return nil }
                // Duplicate keys: leave the decision to JSONDecoder.
                guard !members.contains(where: { $0.0 == key }) else { return nil }
                skipWhitespace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipWhitespace()
                guard index < bytes.count else { return nil }
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard let text = string() else { return nil }
                    members.append((key, .string(text)))
                case UInt8(ascii: "{") where !nested:
                    guard let inner = object(nested: true) else { return nil }
                    var strings: [(String, String)] = []
                    for (name, value) in inner {
                        guard case .string(let text) = value else { return nil }
                        strings.append((name, text))
                    }
                    members.append((key, .object(strings)))
                case UInt8(ascii: "n") where !nested:
                    guard literal("null") else { return nil }
                    members.append((key, .null))
                default:
                    return nil
                }
                skipWhitespace()
                if take(UInt8(ascii: ",")) { continue }
                guard take(UInt8(ascii: "}")) else { return nil }
                return members
            }
        }

        /// A string without escapes or control characters, valid UTF-8.
        private mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            var ascii = true
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    index += 1
                    // ASCII is valid UTF-8 as it is; anything else is validated.
                    return ascii ? String(decoding: text, as: UTF8.self) : String(validating: text, as: UTF8.self)
                }
                guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { return nil }
                if byte >= 0x80 { ascii = false }
                index += 1
            }
            return nil
        }

        private mutating func literal(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard bytes.count - index >= count else { return false }
            for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return false }
            index += count
            return true
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        private mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
                default: return
                }
            }
        }
    }
}

/// A payload type with a fast decoding path for its common, canonical form (see
/// ``FlatJSONObject``); `nil` sends the payload to `JSONDecoder`.
protocol FastPayloadDecodable {
    init?(fastPayload bytes: [UInt8])
}

extension FlatJSONObject {
    /// A required string member.
    func string(_ key: String) -> String? {
        guard case .string(let text)? = value(key) else { return nil }
        return text
    }

    /// An optional string member: `.some(nil)` when absent or null, `nil` when it is something else.
    func optionalString(_ key: String) -> String?? {
        switch value(key) {
        case nil, .null?: return .some(nil)
        case .string(let text)?: return .some(text)
        case .object?: return nil
        }
    }

    /// A required ``Money`` member, validated as ``Money``'s decoder does.
    func money(_ key: String) -> Money? {
        guard case .object(let fields)? = value(key) else { return nil }
        var amount: String?
        var currency: String?
        for (name, text) in fields {
            if name == "amount" { amount = text } else if name == "currency" { currency = text }
        }
        guard let amount, let currency, Money.isValidCurrencyCode(currency), let value = DecimalText.parse(amount) else { return nil }
        return Money(amount: value, currency: currency)
    }

    /// An optional ``Money`` member: `.some(nil)` when absent or null, `nil` when it is not valid money.
    func optionalMoney(_ key: String) -> Money?? {
        switch value(key) {
        case nil, .null?: return .some(nil)
        case .object?: return money(key).map { .some($0) }
        case .string?: return nil
        }
    }

    /// A required ``CalendarDate`` member.
    func date(_ key: String) -> CalendarDate? {
        string(key).flatMap { CalendarDate($0) }
    }
}

extension CompensationChangeApproved: FastPayloadDecodable {
    init?(fastPayload bytes: [UInt8]) {
        guard let object = FlatJSONObject(bytes),
            let changeID = object.string(CodingKeys.changeID.stringValue),
            let employeeID = object.string(CodingKeys.employeeID.stringValue),
            let kind = object.string(CodingKeys.kind.stringValue).flatMap(CompensationChangeKind.init(rawValue:)),
            let amount = object.money(CodingKeys.amount.stringValue),
            let previousBaseSalary = object.optionalMoney(CodingKeys.previousBaseSalary.stringValue),
            let newBaseSalary = object.optionalMoney(CodingKeys.newBaseSalary.stringValue),
            let effectiveDate = object.date(CodingKeys.effectiveDate.stringValue),
            let cycleID = object.string(CodingKeys.cycleID.stringValue),
            let recommendationID = object.string(CodingKeys.recommendationID.stringValue),
            let actorID = object.string(CodingKeys.actorID.stringValue),
            let newJobLevel = object.optionalString(CodingKeys.newJobLevel.stringValue)
        else { return nil }
        self.init(
            changeID: changeID, employeeID: employeeID, kind: kind, amount: amount, previousBaseSalary: previousBaseSalary,
            newBaseSalary: newBaseSalary, effectiveDate: effectiveDate, cycleID: cycleID, recommendationID: recommendationID,
            actorID: actorID, newJobLevel: newJobLevel)
    }
}

extension CompensationChangeReversed: FastPayloadDecodable {
    init?(fastPayload bytes: [UInt8]) {
        guard let object = FlatJSONObject(bytes),
            let reversalID = object.string(CodingKeys.reversalID.stringValue),
            let reversedChangeID = object.string(CodingKeys.reversedChangeID.stringValue),
            let employeeID = object.string(CodingKeys.employeeID.stringValue),
            let kind = object.string(CodingKeys.kind.stringValue).flatMap(CompensationChangeKind.init(rawValue:)),
            let amount = object.money(CodingKeys.amount.stringValue),
            let restoredBaseSalary = object.optionalMoney(CodingKeys.restoredBaseSalary.stringValue),
            let effectiveDate = object.date(CodingKeys.effectiveDate.stringValue),
            let cycleID = object.string(CodingKeys.cycleID.stringValue),
            let actorID = object.string(CodingKeys.actorID.stringValue),
            let reason = object.string(CodingKeys.reason.stringValue)
        else { return nil }
        self.init(
            reversalID: reversalID, reversedChangeID: reversedChangeID, employeeID: employeeID, kind: kind, amount: amount,
            restoredBaseSalary: restoredBaseSalary, effectiveDate: effectiveDate, cycleID: cycleID, actorID: actorID, reason: reason)
    }
}
