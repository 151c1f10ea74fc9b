/// Turns Foundation's coding errors into ``ContractError``s that name the JSON field.
extension ContractError {
    init(decoding error: DecodingError, eventType: String) {
        switch error {
        case .keyNotFound(let key, let context):
            let field = ContractError.path(context.codingPath + [key])
            self.init(.invalidPayload, field: field, message: "\(eventType): required field \(field) is missing")
        case .valueNotFound(let type, let context):
            let field = ContractError.path(context.codingPath)
            self.init(.invalidPayload, field: field, message: "\(eventType): field \(field) is null, expected \(type)")
        case .typeMismatch(let type, let context):
            let field = ContractError.path(context.codingPath)
            self.init(.invalidPayload, field: field, message: "\(eventType): field \(field) is not a \(type)")
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            self.init(.invalidPayload, message: "\(eventType): the payload is not a JSON object: \(context.debugDescription)")
        case .dataCorrupted(let context):
            let field = ContractError.path(context.codingPath)
            self.init(.invalidPayload, field: field, message: "\(eventType): field \(field): \(context.debugDescription)")
        @unknown default:
            self.init(.invalidPayload, message: "\(eventType): \(error)")
        }
    }

    init(encoding error: EncodingError, eventType: String) {
        switch error {
        case .invalidValue(_, let context):
            let field = ContractError.path(context.codingPath)
            self.init(.encodingFailed, field: field, message: "\(eventType): field \(field): \(context.debugDescription)")
        @unknown default:
            self.init(.encodingFailed, message: "\(eventType): \(error)")
        }
    }

    /// `goals[0].weight` style path.
    private static func path(_ keys: [any CodingKey]) -> String {
        var path = ""
        for key in keys {
            if let index = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == String(index) {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return path.isEmpty ? "(root)" : path
    }
}
