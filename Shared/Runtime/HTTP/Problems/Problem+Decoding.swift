import Foundation

extension Problem {
    /// Turns a `DecodingError` from a request body into a 400 validation problem that names the field path
    /// in the client's spelling: `field 'goals[0].weight': expected a number`.
    ///
    /// Swift property names in the coding path are converted back to snake_case, since bodies are
    /// decoded with `convertFromSnakeCase` by another decoder (keys already in snake_case stay as they are).
    /// - Parameter error: The decoding error.
    /// - Returns: A ``validation(_:detail:)`` problem, or ``badRequest(_:errors:)`` when the body is not JSON at all.
    public static func decoding(_ error: DecodingError) -> Problem {
        switch error {
        case .typeMismatch(let type, let context):
            return .validation(field: fieldPath(context.codingPath), "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return .validation(field: fieldPath(context.codingPath), "expected \(describe(type)), found null")
        case .keyNotFound(let key, let context):
            return .validation(field: fieldPath(context.codingPath + [key]), "is required")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return .badRequest("The request body is not valid JSON.")
            }
            return .validation(field: fieldPath(context.codingPath), clientMessage(context.debugDescription))
        @unknown default:
            return .badRequest("The request body could not be decoded.")
        }
    }

    /// `goals[0].weight_percent` from a coding path; `body` for the top level.
    static func fieldPath(_ codingPath: [any CodingKey]) -> String {
        var path = ""
        for key in codingPath {
            if let index = key.intValue, key.stringValue == "Index \(index)" || key.stringValue == String(index) {
                path += "[\(index)]"
            } else {
                path += (path.isEmpty ? "" : ".") + snakeCase(key.stringValue)
            }
        }
        return path.isEmpty ? "body" : path
    }

    /// Converts `weightPercent` to `weight_percent` (the inverse of `convertFromSnakeCase`).
    static func snakeCase(_ name: String) -> String {
        guard name.contains(where: \.isUppercase) else { return name }
        var result = ""
        for (offset, character) in name.enumerated() {
            if character.isUppercase {
                if offset > 0 { result += "_" }
                result += character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// A client-facing name for an expected type.
    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Bool.Type: return "a boolean"
        case is String.Type, is Substring.Type: return "a string"
        case is any BinaryInteger.Type: return "an integer"
        case is any BinaryFloatingPoint.Type, is Decimal.Type: return "a number"
        case is Date.Type: return "an ISO 8601 date-time"
        case is UUID.Type: return "a UUID string"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array<") || name.hasPrefix("[") && !name.contains(":") { return "an array" }
            return "an object"  // never a Swift type name: clients know the documented shape, not our types
        }
    }

    /// The decoder's explanation when it is ours (written for clients, e.g. "expected an ISO 8601
    /// date-time…"); Foundation's own texts name Swift types ("Cannot initialize GoalStatus from
    /// invalid String value x"), so they become a neutral sentence.
    static func clientMessage(_ debugDescription: String) -> String {
        let internals = ["Cannot initialize", "Swift.", "Foundation.", "<", "CodingKeys", "Expected to decode"]
        if debugDescription.isEmpty || internals.contains(where: debugDescription.contains) {
            return "is not an accepted value"
        }
        return debugDescription
    }
}
