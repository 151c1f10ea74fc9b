import Foundation

/// Rounding and fixed-point text for scores and percentages. Every stored intermediate of a score
/// is rounded with `.plain` (half away from zero) so that a recomputation meets the same number.
enum DecimalRounding {
    /// Places kept by every score and average.
    static let scorePlaces = 4
    /// Places kept by a distribution's percentages.
    static let percentPlaces = 2

    /// `value` rounded half away from zero to `places` decimal places.
    static func round(_ value: Decimal, places: Int = scorePlaces) -> Decimal {
        var exact = value
        var result = Decimal()
        NSDecimalRound(&result, &exact, places, .plain)
        return result
    }

    /// `value` rounded to `places` and written with exactly that many decimals: `3.6250`.
    static func fixed(_ value: Decimal, places: Int = scorePlaces) -> String {
        var text = plain(round(value, places: places))
        guard places > 0 else { return text }
        if let point = text.firstIndex(of: ".") {
            let digits = text.distance(from: text.index(after: point), to: text.endIndex)
            text += String(repeating: "0", count: max(0, places - digits))
        } else {
            text += "." + String(repeating: "0", count: places)
        }
        return text
    }

    /// The shortest exact text of `value`: `60`, `12.5`.
    static func plain(_ value: Decimal) -> String {
        let text = value.description
        return text == "-0" ? "0" : text
    }
}
