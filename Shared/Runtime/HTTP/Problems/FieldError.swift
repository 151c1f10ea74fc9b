/// One invalid input field in a validation ``Problem``: `{"field": "goals[0].weight", "message": "expected a number"}`.
public struct FieldError: Codable, Hashable, Sendable {
    /// The field path as the client wrote it (snake_case JSON keys, `[n]` for array elements, or a query parameter name).
    public var field: String
    /// What is wrong with it, phrased for the client.
    public var message: String

    /// Creates a field error.
    /// - Parameters:
    ///   - field: JSON path or parameter name.
    ///   - message: What is wrong, e.g. "must be between 1 and 500".
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
