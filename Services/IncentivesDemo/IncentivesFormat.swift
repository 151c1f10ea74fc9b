import Foundation
import StrideContracts

/// How the incentives part writes money and decimals: exact decimal text, grouped.
enum IncentivesFormat {
    /// `EUR 1,234,567.89`.
    static func money(_ value: Money) -> String {
        "\(value.currency) \(grouped(value.amountText))"
    }

    /// `1,234,567.89` of an amount in `currency`.
    static func amount(_ value: Decimal, _ currency: String) -> String {
        grouped(Money(amount: value, currency: currency).amountText)
    }

    /// `3.5` (a percentage or a factor, as the service wrote it).
    static func decimal(_ value: Decimal) -> String {
        NSDecimalNumber(decimal: value).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }

    /// Per currency, sorted: `EUR 1,200.00 · USD 10.00`, or `nothing`.
    static func totals(_ amounts: [String: Decimal]) -> String {
        guard !amounts.isEmpty else { return "nothing" }
        return amounts.sorted { $0.key < $1.key }.map { money(Money(amount: $0.value, currency: $0.key)) }.joined(separator: " · ")
    }

    /// Decimal text with its integer digits grouped in thousands.
    static func grouped(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var integer = String(parts[0])
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer = String(integer.dropLast(3))
        }
        groups.insert(integer, at: 0)
        return (negative ? "-" : "") + groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// `amount` rounded down to the currency's minor unit (as the service prices increases).
    static func floor(_ amount: Decimal, currency: String) -> Decimal {
        var value = amount
        var result = Decimal()
        NSDecimalRound(&result, &value, Money.minorUnitDigits(of: currency), .down)
        return result
    }

    /// `text` escaped for a URL path segment or a query value.
    static func escaped(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
