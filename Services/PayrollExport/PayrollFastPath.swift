import Foundation
import Glibc
import StrideContracts
import StrideKafka

/// Reads payroll records in their canonical form straight into a batch's CSV text, without
/// building headers, events or lines as Swift values: the export's hot path.
///
/// It is an accelerator, never an authority: it takes a record only when it is certain that
/// ``PayrollRecord/decode(_:)`` would decode it and ``PayrollCSV`` would write exactly the bytes
/// it writes; for anything else (an unknown event type or key, an escape or non-ASCII byte in a
/// string, a duplicate, an amount not in its canonical text, a header that needs more than a byte
/// comparison) it answers `false`, and the caller decodes the record the full way, which gives the
/// real line or the real error.
///
/// The CloudEvents headers are compared as bytes, except `ce_time`: a time text is taken as valid
/// once the full metadata decoder has accepted a record carrying it (records of one approval share
/// their time, so that happens about once per statement on the producer's side).
struct PayrollFastPath: Sendable {
    /// The last `ce_time` text the full metadata decoder accepted.
    private var acceptedTime: [UInt8] = []
    /// The last currency read: its three letters packed, its code and its minor-unit digits.
    private var lastCurrency: (code: UInt32, name: String, minorDigits: Int) = (0, "", 0)
    /// The last effective date text read, and its date.
    private var lastDate: (text: [UInt8], date: CalendarDate)?

    init() {}

    /// Renders `message` as a line of `batch`; `false` (and `batch` unchanged) when it must be
    /// decoded the full way instead.
    mutating func append(_ message: KafkaConsumerMessage, to batch: inout PayrollBatch) -> Bool {
        guard let type = checkedType(message) else { return false }
        return message.value.withUnsafeBufferPointer { payload in
            batch.appendRendered { csv in render(type, payload: payload, into: &csv) }
        }
    }

    // MARK: Headers

    private enum RecordType {
        case approved
        case reversed
    }

    /// The CloudEvents headers the full decoder reads, by bit.
    private enum Known: UInt8 {
        case specVersion = 1, id = 2, source = 4, type = 8, time = 16, subject = 32, contentType = 64, traceparent = 128

        /// The names, as ``EventHeader`` spells them (a test holds them to it).
        static let names: [(name: StaticString, header: Known)] = [
            ("ce_specversion", .specVersion), ("ce_id", .id), ("ce_source", .source), ("ce_type", .type),
            ("ce_time", .time), ("ce_subject", .subject), ("content-type", .contentType), ("traceparent", .traceparent),
        ]

        /// The header `name` is, exactly; `nil` for any other name.
        static func of(_ name: UnsafeBufferPointer<UInt8>) -> Known? {
            for entry in names where PayrollFastPath.equal(name, entry.name) { return entry.header }
            return nil
        }
    }

    /// The record's payroll type, when its CloudEvents headers are certainly what the full decoder
    /// accepts; `nil` otherwise.
    private mutating func checkedType(_ message: KafkaConsumerMessage) -> RecordType? {
        var seen: UInt8 = 0
        var valid = true
        var type: RecordType?
        var newTime: [UInt8]?
        let acceptedTime = self.acceptedTime
        message.forEachHeader { name, value in
            guard valid else { return }
            guard let known = Known.of(name) else {
                // Another spelling of content-type is matched without regard to case.
                if name.count == EventHeader.contentTypeName.utf8.count,
                    String(decoding: name, as: UTF8.self).lowercased() == EventHeader.contentTypeName
                {
                    valid = false
                }
                return
            }
            guard seen & known.rawValue == 0 else {
                valid = false
                return
            }
            seen |= known.rawValue
            let value = value ?? UnsafeBufferPointer(start: nil, count: 0)
            switch known {
            case .specVersion: valid = Self.equal(value, Self.specVersion)
            case .id: valid = Self.isUUIDText(value)
            case .source: valid = !value.isEmpty
            case .type:
                if Self.equal(value, Self.approvedType) {
                    type = .approved
                } else if Self.equal(value, Self.reversedType) {
                    type = .reversed
                } else {
                    valid = false
                }
            case .time:
                valid = !value.isEmpty
                if !Self.equal(value, acceptedTime) { newTime = Array(value) }
            case .contentType: valid = Self.equal(value, Self.jsonContentType)
            case .subject, .traceparent: break
            }
        }
        let required = Known.specVersion.rawValue | Known.id.rawValue | Known.source.rawValue | Known.type.rawValue
            | Known.time.rawValue
        guard valid, seen & required == required, let type else { return nil }
        if let newTime {
            let headers = message.headers.map { EventHeader(name: $0.key, value: $0.stringValue ?? "") }
            guard (try? EventCodec.decodeMetadata(headers: headers)) != nil else { return nil }
            self.acceptedTime = newTime
        }
        return type
    }

    /// The header names read, as the contracts spell them (a test holds them to it).
    static var headerNames: [StaticString] { Known.names.map(\.name) }

    // The texts compared, as the contracts spell them (a test holds them to it).
    static let approvedType: StaticString = "stride.payroll.compensation-change.approved.v1"
    static let reversedType: StaticString = "stride.payroll.compensation-change.reversed.v1"
    static let specVersion: StaticString = "1.0"
    static let jsonContentType: StaticString = "application/json"

    /// Whether `bytes` are exactly `text`.
    static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        guard bytes.count == text.utf8CodeUnitCount else { return false }
        guard let base = bytes.baseAddress, bytes.count > 0 else { return true }
        return memcmp(base, text.utf8Start, bytes.count) == 0
    }

    /// Whether `bytes` are exactly `other`.
    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ other: [UInt8]) -> Bool {
        guard bytes.count == other.count else { return false }
        guard let base = bytes.baseAddress else { return true }
        return other.withUnsafeBufferPointer { memcmp(base, $0.baseAddress!, bytes.count) == 0 }
    }

    /// 36 bytes: hex digits (either case) with hyphens after the 8th, 12th, 16th and 20th.
    private static func isUUIDText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 36, bytes[8] == UInt8(ascii: "-"), bytes[13] == UInt8(ascii: "-"),
            bytes[18] == UInt8(ascii: "-"), bytes[23] == UInt8(ascii: "-")
        else { return false }
        var hex = true
        for index in 0..<36 where index != 8 && index != 13 && index != 18 && index != 23 {
            hex = hex && isHexDigit[Int(bytes[index])]
        }
        return hex
    }

    /// Per byte, whether it is a hex digit of either case.
    private static let isHexDigit: [Bool] = (0...255).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): true
        default: false
        }
    }

    // MARK: Payload

    /// What one member of the payload may hold.
    enum Shape {
        case string
        case optionalString
        case money
        case optionalMoney
    }

    /// A member's value as read: byte ranges into the payload.
    private enum Value {
        case absent
        case null
        case string(Range<Int>)
        case money(amount: Range<Int>, currency: Range<Int>)
    }

    /// The members of each payload, by slot, as the events' coding keys spell them (a test holds
    /// them to it).
    static let approvedMembers: [(name: StaticString, shape: Shape)] = [
        ("change_id", .string), ("employee_id", .string), ("kind", .string), ("amount", .money),
        ("new_base_salary", .optionalMoney), ("effective_date", .string), ("cycle_id", .string),
        ("recommendation_id", .string), ("actor_id", .string), ("previous_base_salary", .optionalMoney),
        ("new_job_level", .optionalString),
    ]
    static let reversedMembers: [(name: StaticString, shape: Shape)] = [
        ("reversal_id", .string), ("employee_id", .string), ("kind", .string), ("amount", .money),
        ("restored_base_salary", .optionalMoney), ("effective_date", .string), ("cycle_id", .string),
        ("reversed_change_id", .string), ("actor_id", .string), ("reason", .string),
    ]
    // Slots both payloads share: 0 the line id, 1 employee, 2 kind, 3 amount, 4 the base salary
    // written, 5 effective date, 6 cycle, 7 recommendation (approved) or reversed change.

    /// Appends the line of `payload` to `csv`; `nil` when the payload is not certainly canonical.
    private mutating func render(
        _ type: RecordType, payload: UnsafeBufferPointer<UInt8>, into csv: inout [UInt8]
    ) -> (id: PayrollLineID, effectiveDate: CalendarDate, amount: PayrollBatch.Amount, currency: String)? {
        let members = type == .approved ? Self.approvedMembers : Self.reversedMembers
        return withUnsafeTemporaryAllocation(of: Value.self, capacity: members.count) { values in
            values.initialize(repeating: .absent)
            var scanner = JSONScanner(bytes: payload)
            guard scanner.object(members: members, into: values) else { return nil }
            // Every member the event requires is there, with the value its type takes.
            for (slot, member) in members.enumerated() {
                switch (member.shape, values[slot]) {
                case (.string, .string), (.money, .money), (.optionalString, _), (.optionalMoney, _): continue
                default: return nil
                }
            }
            guard case .string(let idRange) = values[0], case .string(let employee) = values[1],
                case .string(let kind) = values[2], Self.isKind(payload[kind]),
                case .money(let amountRange, let currencyRange) = values[3],
                let amount = canonicalAmount(payload[amountRange], currency: payload[currencyRange]),
                case .string(let dateRange) = values[5], let date = effectiveDate(payload[dateRange]),
                case .string(let cycle) = values[6], case .string(let reference) = values[7]
            else { return nil }
            let currency = lastCurrency.name
            var salary: Range<Int>?
            switch values[4] {
            case .money(let salaryAmount, let salaryCurrency):
                guard canonicalAmount(payload[salaryAmount], currency: payload[salaryCurrency]) != nil else { return nil }
                salary = salaryAmount
            case .absent, .null: salary = nil
            case .string: return nil
            }
            if type == .approved {
                // The other base salary is not written, but the event must decode.
                if case .money(let previousAmount, let previousCurrency) = values[9],
                    canonicalAmount(payload[previousAmount], currency: payload[previousCurrency]) == nil
                {
                    return nil
                }
            }
            let signed: CanonicalAmount
            if type == .reversed {
                guard let negated = amount.negated else { return nil }
                signed = negated
            } else {
                signed = amount
            }
            // line_id,line_kind,change_id,employee_id,kind,effective_date,amount,currency,
            // new_base_salary,cycle_id,recommendation_id
            Self.field(payload[idRange], to: &csv)
            csv.append(contentsOf: type == .approved ? Self.changeKind : Self.reversalKind)
            Self.field(payload[type == .approved ? idRange : reference], to: &csv)
            Self.field(payload[employee], to: &csv)
            Self.field(payload[kind], to: &csv)
            Self.field(payload[dateRange], to: &csv)
            if signed.negative { csv.append(UInt8(ascii: "-")) }
            csv.append(contentsOf: amount.digits)
            csv.append(PayrollCSV.comma)
            Self.field(payload[currencyRange], to: &csv)
            if let salary { csv.append(contentsOf: payload[salary]) }
            csv.append(PayrollCSV.comma)
            Self.field(payload[cycle], to: &csv)
            if type == .approved { Self.text(payload[reference], to: &csv) }
            csv.append(PayrollCSV.cr)
            csv.append(PayrollCSV.lf)
            return (
                PayrollLineID(UnsafeBufferPointer(rebasing: payload[idRange])), date,
                .exact(units: signed.units, fractionDigits: signed.fractionDigits), currency
            )
        }
    }

    /// `text` as a ``CanonicalAmount`` in `currency` (three uppercase letters, checked here).
    /// Leaves the currency in ``lastCurrency``.
    private mutating func canonicalAmount(
        _ text: Slice<UnsafeBufferPointer<UInt8>>, currency: Slice<UnsafeBufferPointer<UInt8>>
    ) -> CanonicalAmount? {
        guard currency.count == 3 else { return nil }
        let code = UInt32(currency[currency.startIndex]) << 16 | UInt32(currency[currency.startIndex + 1]) << 8
            | UInt32(currency[currency.startIndex + 2])
        if code != lastCurrency.code {
            guard currency.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return nil }
            let name = String(decoding: currency, as: UTF8.self)
            lastCurrency = (code, name, Money.minorUnitDigits(of: name))
        }
        return CanonicalAmount(text, minorDigits: lastCurrency.minorDigits)
    }

    private static let changeKind = Array("change,".utf8)
    private static let reversalKind = Array("reversal,".utf8)
    private static let kinds = CompensationChangeKind.allCases.map { Array($0.rawValue.utf8) }

    private static func isKind(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        kinds.contains { $0.elementsEqual(bytes) }
    }

    /// The date of `bytes` when it is exactly `YYYY-MM-DD` of a real date (as the event decodes
    /// and the file names it).
    private mutating func effectiveDate(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> CalendarDate? {
        if let lastDate, lastDate.text.elementsEqual(bytes) { return lastDate.date }
        guard bytes.count == 10, let date = CalendarDate(String(decoding: bytes, as: UTF8.self)),
            date.description.utf8.elementsEqual(bytes)
        else { return nil }
        lastDate = (Array(bytes), date)
        return date
    }

    /// Appends `bytes` as a CSV field and a comma. The scanner admits no quote, CR or LF in a
    /// string, so a comma is the only reason to quote.
    private static func field(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, to csv: inout [UInt8]) {
        text(bytes, to: &csv)
        csv.append(PayrollCSV.comma)
    }

    /// Appends `bytes` as a CSV field.
    private static func text(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, to csv: inout [UInt8]) {
        let hasComma = bytes.isEmpty ? false : memchr(bytes.base.baseAddress! + bytes.startIndex, Int32(PayrollCSV.comma), bytes.count) != nil
        if hasComma {
            csv.append(PayrollCSV.quote)
            csv.append(contentsOf: bytes)
            csv.append(PayrollCSV.quote)
        } else {
            csv.append(contentsOf: bytes)
        }
    }
}

extension PayrollFastPath {
    /// Reads one flat JSON object whose members are all known: strings of printable ASCII without
    /// escapes, `null`, or objects holding exactly `amount` and `currency` as such strings.
    private struct JSONScanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        /// Reads the whole payload as one object of `members` into `values` (by slot); `false` for
        /// anything else: unknown or repeated members, other value kinds, trailing bytes.
        mutating func object(
            members: [(name: StaticString, shape: Shape)], into values: UnsafeMutableBufferPointer<Value>
        ) -> Bool {
            skipWhitespace()
            guard take(UInt8(ascii: "{")) else { return false }
            skipWhitespace()
            if take(UInt8(ascii: "}")) { return atEnd() }
            while true {
                skipWhitespace()
                guard let key = string() else { return false }
                let name = UnsafeBufferPointer(rebasing: bytes[key])
                var found: Int?
                for slot in members.indices where PayrollFastPath.equal(name, members[slot].name) {
                    found = slot
                    break
                }
                guard let slot = found, case .absent = values[slot] else { return false }
                skipWhitespace()
                guard take(UInt8(ascii: ":")) else { return false }
                skipWhitespace()
                guard index < bytes.count else { return false }
                switch (bytes[index], members[slot].shape) {
                case (UInt8(ascii: "\""), .string), (UInt8(ascii: "\""), .optionalString):
                    guard let text = string() else { return false }
                    values[slot] = .string(text)
                case (UInt8(ascii: "n"), .optionalString), (UInt8(ascii: "n"), .optionalMoney):
                    guard literalNull() else { return false }
                    values[slot] = .null
                case (UInt8(ascii: "{"), .money), (UInt8(ascii: "{"), .optionalMoney):
                    guard let money = money() else { return false }
                    values[slot] = money
                default:
                    return false
                }
                skipWhitespace()
                if take(UInt8(ascii: ",")) { continue }
                guard take(UInt8(ascii: "}")) else { return false }
                return atEnd()
            }
        }

        /// `{"amount":"…","currency":"…"}` in either order, nothing else.
        private mutating func money() -> Value? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var amount: Range<Int>?, currency: Range<Int>?
            while true {
                skipWhitespace()
                guard let key = string() else { return nil }
                skipWhitespace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipWhitespace()
                guard let text = string() else { return nil }
                let name = UnsafeBufferPointer(rebasing: bytes[key])
                if PayrollFastPath.equal(name, Self.amountKey), amount == nil {
                    amount = text
                } else if PayrollFastPath.equal(name, Self.currencyKey), currency == nil {
                    currency = text
                } else {
                    return nil
                }
                skipWhitespace()
                if take(UInt8(ascii: ",")) { continue }
                guard take(UInt8(ascii: "}")), let amount, let currency else { return nil }
                return .money(amount: amount, currency: currency)
            }
        }

        private static let amountKey: StaticString = "amount"
        private static let currencyKey: StaticString = "currency"

        /// A string's content (between its quotes) when it is printable ASCII without escapes.
        private mutating func string() -> Range<Int>? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return start..<(index - 1)
                }
                if byte < 0x20 || byte > 0x7E || byte == UInt8(ascii: "\\") { return nil }
                index += 1
            }
            return nil
        }

        private mutating func literalNull() -> Bool {
            guard bytes.count - index >= 4, bytes[index + 1] == UInt8(ascii: "u"), bytes[index + 2] == UInt8(ascii: "l"),
                bytes[index + 3] == UInt8(ascii: "l")
            else { return false }
            index += 4
            return true
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        private mutating func skipWhitespace() {
            while index < bytes.count,
                bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09
            {
                index += 1
            }
        }

        private mutating func atEnd() -> Bool {
            skipWhitespace()
            return index == bytes.count
        }
    }
}

/// A money amount whose text is exactly what ``StrideContracts/Money/amountText`` writes for its
/// value in its currency: an optional `-` (never on zero), the integer digits without leading
/// zeros, and at least the currency's minor-unit digits after the point, more only when the last
/// is not 0; at most 18 digits in all (so the value is exact in an `Int64` of units).
struct CanonicalAmount {
    /// Whether the value is below zero.
    var negative: Bool
    /// The text without its sign.
    var digits: Slice<UnsafeBufferPointer<UInt8>>
    /// The value in units of 10^-``fractionDigits``.
    var units: Int64
    /// The digits after the point.
    var fractionDigits: Int

    /// `nil` when `text` is not the canonical text of its value in a currency with `minorDigits`.
    init?(_ text: Slice<UnsafeBufferPointer<UInt8>>, minorDigits: Int) {
        var index = text.startIndex
        negative = index < text.endIndex && text[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let start = index
        var significand: Int64 = 0
        var digitCount = 0
        var integerDigits = 0
        var fractionDigits = 0
        var seenPoint = false
        var lastDigit: UInt8 = 0
        while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: ".") {
                guard !seenPoint, integerDigits > 0 else { return nil }
                seenPoint = true
            } else {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = byte - UInt8(ascii: "0")
                if seenPoint { fractionDigits += 1 } else { integerDigits += 1 }
                // Leading zeros: only a lone 0 before the point.
                if !seenPoint, integerDigits == 2, significand == 0 { return nil }
                if significand != 0 || digit != 0 { digitCount += 1 }
                guard digitCount <= 18 else { return nil }
                significand = significand * 10 + Int64(digit)
                lastDigit = byte
            }
            index += 1
        }
        guard integerDigits > 0, !seenPoint || fractionDigits > 0,
            fractionDigits == minorDigits || (fractionDigits > minorDigits && lastDigit != UInt8(ascii: "0")),
            !(negative && significand == 0)
        else { return nil }
        digits = text[start...]
        units = negative ? -significand : significand
        self.fractionDigits = fractionDigits
    }

    /// The amount with the other sign; `nil` for zero (whose text has no sign either way).
    var negated: CanonicalAmount? {
        guard units != 0 else { return nil }
        var other = self
        other.negative.toggle()
        other.units = -units
        return other
    }
}
