/// The result of a statement: its rows (decoded lazily, column by column), column names and the
/// number of rows it affected.
public struct PostgresRows: RandomAccessCollection, Sendable {
    /// The columns' shared description and the rows' text cells, immutable after the query.
    final class Storage: Sendable {
        let columnNames: [String]
        let columnTypes: [PostgresDataType]
        let columnIndex: [String: Int]
        /// Row-major cells; `nil` is SQL `NULL`.
        let cells: [String?]

        init(columnNames: [String], columnTypes: [PostgresDataType], cells: [String?]) {
            self.columnNames = columnNames
            self.columnTypes = columnTypes
            self.cells = cells
            var index: [String: Int] = [:]
            for (position, name) in columnNames.enumerated() where index[name] == nil { index[name] = position }
            self.columnIndex = index
        }
    }

    let storage: Storage
    /// Rows inserted, updated, deleted, copied or returned, from the command tag.
    public var affectedRows: Int
    /// The server's command tag, such as `INSERT 0 1`, `UPDATE 3` or `COMMIT`.
    public var commandTag: String
    /// The result's column names, in order.
    public var columnNames: [String] { storage.columnNames }
    /// The result's column types, in order.
    public var columnTypes: [PostgresDataType] { storage.columnTypes }

    init(storage: Storage, affectedRows: Int, commandTag: String) {
        self.storage = storage
        self.affectedRows = affectedRows
        self.commandTag = commandTag
    }

    /// An empty result (a command without rows).
    init(affectedRows: Int, commandTag: String) {
        self.init(storage: Storage(columnNames: [], columnTypes: [], cells: []), affectedRows: affectedRows, commandTag: commandTag)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.columnNames.isEmpty ? 0 : storage.cells.count / storage.columnNames.count }
    public subscript(position: Int) -> PostgresRow {
        precondition(position >= 0 && position < endIndex, "row index out of range")
        return PostgresRow(storage: storage, row: position)
    }
}
