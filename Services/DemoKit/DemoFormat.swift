import Foundation

/// Text layout for the demo's tables and charts.
package enum DemoFormat {
    /// `text` cut or padded to `width` characters (left-aligned).
    package static func left(_ text: String, _ width: Int) -> String {
        text.count > width ? String(text.prefix(width - 1)) + "…" : text + String(repeating: " ", count: width - text.count)
    }

    /// `text` padded to `width` characters (right-aligned).
    package static func right(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    /// 12,345.
    package static func count(_ value: Int) -> String {
        value.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
    }

    /// 86.3 %.
    package static func percent(_ value: Decimal) -> String {
        percent(NSDecimalNumber(decimal: value).doubleValue)
    }

    package static func percent(_ value: Double) -> String {
        String(format: "%.1f %%", value)
    }

    /// A decimal as a client shows it: 26400000 → 26,400,000; 4.4 stays 4.4.
    package static func number(_ value: Decimal) -> String {
        let double = NSDecimalNumber(decimal: value).doubleValue
        return double == double.rounded() && abs(double) >= 1000 ? count(Int(double)) : "\(value)"
    }

    /// A horizontal bar for 0…100 % in `width` cells, with eighth-cell precision; a ▸ marks more than 100 %.
    package static func bar(_ percent: Double, width: Int = 20) -> String {
        let clamped = max(0, min(100, percent))
        let eighths = Int((clamped / 100 * Double(width * 8)).rounded())
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var bar = String(repeating: "█", count: eighths / 8) + partials[eighths % 8]
        bar += String(repeating: " ", count: max(0, width - bar.count))
        return "▕" + bar + (percent > 100 ? "▸" : "▏")
    }

    /// A bar scaled to `maximum` (for histograms).
    package static func histogramBar(_ value: Int, maximum: Int, width: Int = 30) -> String {
        guard maximum > 0 else { return "" }
        let cells = Int((Double(value) / Double(maximum) * Double(width)).rounded(.up))
        return String(repeating: "█", count: value == 0 ? 0 : max(1, cells))
    }

    /// 2026-11-23 15:40:12 UTC.
    package static func utc(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: date)
    }

    /// 2.4 s.
    package static func seconds(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.1f s", seconds)
    }
}
