import Foundation
import StrideContracts

/// Terse constructors for the canonical samples.
enum SampleValues {
    /// Exact decimal from text (never through a Double literal).
    static func decimal(_ text: String) -> Decimal {
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            fatalError("bad decimal literal \(text)")
        }
        return value
    }

    static func eur(_ amount: String) -> Money {
        Money(amount: decimal(amount), currency: "EUR")
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day)
    }

    /// 2026-03-31T08:15:30.250Z
    static let observedAt = Date(timeIntervalSince1970: 1_774_944_930.250)

    static let exceedsExpectations = Rating(level: 4, label: "Exceeds expectations", scaleMaximum: 5)
    static let meetsExpectations = Rating(level: 3, label: "Meets expectations", scaleMaximum: 5)
}

/// One canonical, realistic sample per event type: the golden fixtures pin their bytes.
enum EventSamples {
    static let all: [any StrideEvent] =
        employees + metrics + goals + coaching + appraisal + incentives + payroll

    /// The sample whose type is `eventType`, or `nil`.
    static func sample(named eventType: String) -> (any StrideEvent)? {
        all.first { type(of: $0).eventType == eventType }
    }
}
