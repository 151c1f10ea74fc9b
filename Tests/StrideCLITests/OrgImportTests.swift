import Foundation
@testable import StrideCLI
@testable import StrideCommandLine
import StrideContracts
import Testing

@Suite("CSV reading and org import")
struct OrgImportTests {
    static let header = "employee_id,name,email,manager_id,department,job_title,job_level,hire_date,status,base_salary,currency,salary_band_min,salary_band_mid,salary_band_max"

    @Test("quoted fields keep commas, quotes and newlines, and records know their first line")
    func csvQuoting() throws {
        let text = "a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\n\"multi\nline\",z\r\nlast,row"
        let records = try CSVReader.records(in: text)
        #expect(records == [
            CSVReader.Record(line: 1, fields: ["a", "b"]),
            CSVReader.Record(line: 2, fields: ["x, y", "say \"hi\""]),
            CSVReader.Record(line: 4, fields: ["multi\nline", "z"]),
            CSVReader.Record(line: 6, fields: ["last", "row"]),
        ])
    }

    @Test("an unterminated quote names the line it opened on")
    func unterminatedQuote() {
        #expect(throws: CSVReader.SyntaxError(line: 2)) { try CSVReader.records(in: "a,b\n\"open,x\nmore") }
    }

    @Test("good rows become events, bad rows are reported with line numbers and reasons")
    func importReportsBadRows() throws {
        let csv = """
            \(Self.header)
            E1,Zoë Łukasz,zoe@example.com,,People,CPO,VP,2015-03-01,active,150000.00,EUR,120000.00,150000.00,180000.00
            E2,Bad Email,not-an-email,E1,People,HRBP,IC3,2019-13-01,active,abc,EUR,1,2,3
            E3,"Chen, Wei",chen.wei@example.com,E1,People,HRBP,IC3,2019-01-07,on_leave,61000.50,GBP,50000.00,60000.00,70000.00
            E1,Duplicate,dup@example.com,,People,CPO,VP,2015-03-01,active,1.00,EUR,1.00,1.00,1.00
            E4,Band,band@example.com,E1,People,HRBP,IC3,2019-01-07,retired,10.00,eur,30.00,20.00,10.00
            """
        let result = try OrgImport(csv: csv)
        #expect(result.employees.map(\.employeeID) == ["E1", "E3"])
        let chen = try #require(result.employees.last)
        #expect(chen.name == "Chen, Wei")
        #expect(chen.baseSalary == Money(amount: Decimal(string: "61000.50")!, currency: "GBP"))
        #expect(chen.status == .onLeave)
        #expect(result.employees.first?.managerID == nil)
        #expect(result.rejected.map(\.line) == [3, 5, 6])
        let bad = result.rejected[0].reasons.joined(separator: "; ")
        #expect(bad.contains("email 'not-an-email'") && bad.contains("hire_date '2019-13-01'") && bad.contains("base_salary 'abc'"))
        #expect(result.rejected[1].reasons == ["employee_id E1 already appears on line 2"])
        let band = result.rejected[2].reasons.joined(separator: "; ")
        #expect(band.contains("status 'retired'") && band.contains("currency 'eur'"))
    }

    @Test("a header without the required columns is refused as a whole")
    func missingColumns() {
        #expect(throws: OrgImportError.self) { try OrgImport(csv: "employee_id,name\nE1,X") }
    }

    @Test("the sample organisation imports without rejections")
    func sampleOrgIsClean() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let csv = try String(contentsOf: root.appendingPathComponent("deploy/dev/sample-org.csv"), encoding: .utf8)
        let result = try OrgImport(csv: csv)
        #expect(result.rejected.isEmpty, "\(result.rejected)")
        #expect(result.employees.count >= 200)
        #expect(result.employees.filter { $0.managerID == nil }.count == 1, "exactly one head of the organisation")
    }
}
