import StrideContracts

/// An employee's place on the nine-box grid.
public struct NineBoxPlacement: Codable, Sendable, Equatable {
    /// The employee.
    public var employeeID: String
    /// Their cell.
    public var cell: NineBoxCell

    /// Creates a placement.
    /// - Parameters:
    ///   - employeeID: the employee.
    ///   - cell: their cell.
    public init(employeeID: String, cell: NineBoxCell) {
        self.employeeID = employeeID
        self.cell = cell
    }

    private enum CodingKeys: String, CodingKey {
        case employeeID = "employee_id"
        case cell
    }
}
