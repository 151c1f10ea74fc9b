import StrideContracts

/// One cell of a nine-box grid with the employees in it.
public struct NineBoxGridCell: Codable, Sendable, Equatable {
    /// The cell.
    public var cell: NineBoxCell
    /// The employees placed in it, sorted.
    public var employeeIDs: [String]

    /// Creates a grid cell.
    /// - Parameters:
    ///   - cell: the cell.
    ///   - employeeIDs: the employees in it.
    public init(cell: NineBoxCell, employeeIDs: [String]) {
        self.cell = cell
        self.employeeIDs = employeeIDs
    }

    private enum CodingKeys: String, CodingKey {
        case cell
        case employeeIDs = "employee_ids"
    }
}
