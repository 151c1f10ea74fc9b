/// One result row. Decode columns by name or position into any ``PostgresDecodable`` type.
///
/// ```swift
/// let id: UUID = try row.decode("id")
/// let manager = try row.decode("manager_id", as: String?.self)
/// ```
public struct PostgresRow: Sendable {
    let storage: PostgresRows.Storage
    let row: Int

    /// The row's column names, in order.
    public var columnNames: [String] { storage.columnNames }

    /// Decodes the first column called `column`.
    /// - Throws: ``PostgresError`` with code ``PostgresError/Code/decoding`` naming the column when
    ///   it does not exist, is `NULL` and `T` is not optional, or its text is not a `T`.
    public func decode<T: PostgresDecodable>(_ column: String, as: T.Type = T.self) throws -> T {
        guard let index = storage.columnIndex[column] else {
            throw PostgresError(
                code: .decoding,
                message: "column \"\(column)\" is not in the result (columns: \(storage.columnNames.joined(separator: ", ")))",
                column: column)
        }
        return try decode(index, as: T.self)
    }

    /// Decodes the column at `index` (0-based).
    /// - Throws: ``PostgresError`` with code ``PostgresError/Code/decoding`` naming the column when
    ///   the index is out of range, the value is `NULL` and `T` is not optional, or its text is not a `T`.
    public func decode<T: PostgresDecodable>(_ index: Int, as: T.Type = T.self) throws -> T {
        let count = storage.columnNames.count
        guard index >= 0, index < count else {
            throw PostgresError(code: .decoding, message: "column index \(index) is out of range (the result has \(count) columns)")
        }
        let name = storage.columnNames[index]
        guard let text = storage.cells[row * count + index] else {
            do { return try T.postgresNull() } catch {
                throw PostgresError(
                    code: .decoding, message: "column \"\(name)\" is NULL; decode it as \(T.self)? to allow NULL", column: name)
            }
        }
        do {
            return try T(postgresText: text, type: storage.columnTypes[index])
        } catch {
            let reason = (error as? PostgresDecodingFailure)?.reason ?? "\(error)"
            throw PostgresError(
                code: .decoding,
                message: "column \"\(name)\": cannot decode '\(Self.excerpt(text))' as \(T.self)" + (reason.isEmpty ? "" : " (\(reason))"),
                column: name)
        }
    }

    /// Whether the column at `index` is SQL `NULL`.
    public func isNull(_ index: Int) -> Bool {
        storage.cells[row * storage.columnNames.count + index] == nil
    }

    private static func excerpt(_ text: String) -> String {
        text.count <= 200 ? text : String(text.prefix(200)) + "…"
    }
}
