import StrideContracts
import Hummingbird

extension Request {
    /// A query parameter's decoded value, or nil when absent.
    ///
    /// ``StorableTextMiddleware`` has already refused empty values and text PostgreSQL cannot store,
    /// so a value returned here is non-empty and storable.
    public func query(_ name: String) -> String? {
        guard let value = uri.queryParameters.get(name), !value.isEmpty else { return nil }
        return value
    }

    /// A query parameter that must be one of `T`'s raw values.
    /// - Throws: 400 naming the parameter and the accepted values.
    public func query<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type) throws(Problem) -> T?
    where T.RawValue == String {
        guard let text = query(name) else { return nil }
        guard let value = T(rawValue: text) else {
            throw Problem.validation(field: name, "Use one of: \(T.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return value
    }

    /// A `true`/`false` query parameter.
    /// - Throws: 400 naming the parameter for any other text.
    public func queryBool(_ name: String) throws(Problem) -> Bool? {
        switch query(name) {
        case nil: return nil
        case "true": return true
        case "false": return false
        default: throw Problem.validation(field: name, "Use true or false.")
        }
    }

    /// A whole-number query parameter within `range`.
    /// - Throws: 400 naming the parameter when it is not a whole number in `range`.
    public func queryInt(_ name: String, in range: ClosedRange<Int>) throws(Problem) -> Int? {
        guard let text = query(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw Problem.validation(field: name, "Use a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return value
    }

    /// A query parameter that must be a calendar date (`YYYY-MM-DD`).
    /// - Throws: 400 naming the parameter.
    public func queryDate(_ name: String) throws(Problem) -> CalendarDate? {
        guard let text = query(name) else { return nil }
        guard let value = CalendarDate(text) else {
            throw Problem.validation(field: name, "Use a calendar date, YYYY-MM-DD.")
        }
        return value
    }
}
