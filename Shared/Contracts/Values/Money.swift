import Foundation

/// An amount of money in one ISO 4217 currency.
///
/// JSON: `{"amount":"1234.50","currency":"EUR"}`. The amount is an exact decimal string, never
/// a binary float. Scale rule: the amount is written with at least the currency's minor-unit
/// digits (EUR 2, JPY 0, KWD 3) and with more only when the value has more, so `0.1` EUR is
/// written `"0.10"`, `1234.567` EUR stays `"1234.567"`. Nothing is ever rounded by the codec;
/// rounding to minor units is the producer's decision (``rounded(_:)``).
///
/// Equality compares values: `0.1 EUR == 0.10 EUR`.
public struct Money: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The amount.
    public var amount: Decimal
    /// The ISO 4217 code: three uppercase ASCII letters, e.g. `EUR`.
    public var currency: String

    /// Creates an amount.
    /// - Parameters:
    ///   - amount: the value.
    ///   - currency: an ISO 4217 code such as `EUR`; validated when encoding.
    public init(amount: Decimal, currency: String) {
        self.amount = amount
        self.currency = currency
    }

    /// Parses an amount given as decimal text.
    /// - Parameters:
    ///   - amount: decimal text such as `1234.50`.
    ///   - currency: an ISO 4217 code such as `EUR`.
    /// - Throws: ``ContractError`` (`invalidPayload`) for bad text or a bad currency code.
    public init(_ amount: String, currency: String) throws {
        guard let value = DecimalText.parse(amount) else {
            throw ContractError(.invalidPayload, field: "amount", message: "\"\(amount)\" is not a decimal amount")
        }
        guard Money.isValidCurrencyCode(currency) else {
            throw ContractError(
                .invalidPayload, field: "currency", message: "\"\(currency)\" is not an ISO 4217 currency code")
        }
        self.init(amount: value, currency: currency)
    }

    /// Whether `code` looks like an ISO 4217 code: exactly three uppercase ASCII letters.
    /// - Parameter code: the candidate code.
    public static func isValidCurrencyCode(_ code: String) -> Bool {
        code.utf8.count == 3 && code.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }

    /// The number of decimal digits of the currency's minor unit (ISO 4217): 2 unless listed.
    /// - Parameter currency: an ISO 4217 code.
    public static func minorUnitDigits(of currency: String) -> Int {
        switch currency {
        case "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV",
            "XAF", "XOF", "XPF":
            return 0
        case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND":
            return 3
        case "CLF", "UYW":
            return 4
        default:
            return 2
        }
    }

    /// This amount rounded to the currency's minor unit.
    /// - Parameter mode: the rounding rule; half-even ("banker's") by default.
    public func rounded(_ mode: NSDecimalNumber.RoundingMode = .bankers) -> Money {
        var value = amount
        var result = Decimal()
        NSDecimalRound(&result, &value, Money.minorUnitDigits(of: currency), mode)
        return Money(amount: result, currency: currency)
    }

    /// The amount as written on the wire, e.g. `1234.50`.
    public var amountText: String {
        DecimalText.format(amount, minimumFractionDigits: Money.minorUnitDigits(of: currency))
    }

    /// E.g. `1234.50 EUR`.
    public var description: String { "\(amountText) \(currency)" }

    private enum CodingKeys: String, CodingKey {
        case amount
        case currency
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let currency = try container.decode(String.self, forKey: .currency)
        guard Money.isValidCurrencyCode(currency) else {
            throw DecodingError.dataCorruptedError(
                forKey: .currency, in: container,
                debugDescription: "\"\(currency)\" is not an ISO 4217 currency code (three uppercase letters)")
        }
        let text = try container.decode(String.self, forKey: .amount)
        guard let amount = DecimalText.parse(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: .amount, in: container,
                debugDescription: "expected a decimal string such as \"1234.50\", got \"\(text)\"")
        }
        self.init(amount: amount, currency: currency)
    }

    public func encode(to encoder: any Encoder) throws {
        guard Money.isValidCurrencyCode(currency) else {
            throw EncodingError.invalidValue(
                self, .init(codingPath: encoder.codingPath, debugDescription: "\"\(currency)\" is not an ISO 4217 currency code"))
        }
        guard !amount.isNaN else {
            throw EncodingError.invalidValue(
                self, .init(codingPath: encoder.codingPath, debugDescription: "a money amount must not be NaN"))
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(amountText, forKey: .amount)
        try container.encode(currency, forKey: .currency)
    }
}
