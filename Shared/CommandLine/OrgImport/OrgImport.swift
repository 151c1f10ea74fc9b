import Foundation
import StrideContracts

/// Reads an HRIS export: every good row becomes an ``EmployeeUpserted`` and every bad row a
/// rejection with its line number, so one typo does not hold back the whole organisation.
package struct OrgImport {
    package struct Rejected: Equatable {
        package var line: Int
        package var reasons: [String]
    }

    package var employees: [EmployeeUpserted] = []
    package var rejected: [Rejected] = []

    /// - Throws: `OrgImportError` when the file as a whole is unusable (no header, missing
    ///   columns, an unterminated quote).
    package init(csv text: String) throws {
        let records = try CSVReader.records(in: text)
        guard let header = records.first else { throw OrgImportError("the file is empty") }
        var columnIndex: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            columnIndex[name.trimmingCharacters(in: .whitespaces).lowercased()] = index
        }
        let missing = EmployeeRow.columns.filter { columnIndex[$0] == nil }
        guard missing.isEmpty else {
            throw OrgImportError("line \(header.line): the header lacks the column(s) \(missing.joined(separator: ", "))")
        }
        var seen: [String: Int] = [:]
        for record in records.dropFirst() {
            do {
                let employee = try EmployeeRow.event(from: record.fields, columnIndex: columnIndex)
                if let earlier = seen[employee.employeeID] {
                    rejected.append(Rejected(line: record.line, reasons: ["employee_id \(employee.employeeID) already appears on line \(earlier)"]))
                    continue
                }
                seen[employee.employeeID] = record.line
                employees.append(employee)
            } catch {
                rejected.append(Rejected(line: record.line, reasons: error.reasons))
            }
        }
    }
}

/// The import file as a whole cannot be read.
package struct OrgImportError: Error, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}
