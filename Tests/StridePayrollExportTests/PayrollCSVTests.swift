import StrideContracts
import StridePayrollExport
import Testing

@Suite("Payroll CSV lines and RFC 4180 quoting")
struct PayrollCSVTests {
    static let date = CalendarDate(year: 2026, month: 4, day: 1)

    static func approval(kind: CompensationChangeKind = .merit, amount: Money = try! Money("1234.5", currency: "EUR"), newBase: Money? = try! Money("61234.50", currency: "EUR")) -> CompensationChangeApproved {
        CompensationChangeApproved(
            changeID: "chg-1", employeeID: "E0001", kind: kind, amount: amount, previousBaseSalary: nil, newBaseSalary: newBase,
            effectiveDate: date, cycleID: "cycle-2026", recommendationID: "rec-9", actorID: "HR1")
    }

    @Test("the header names the columns in order, CRLF-terminated")
    func header() {
        #expect(PayrollCSV.header
            == "line_id,line_kind,change_id,employee_id,kind,effective_date,amount,currency,new_base_salary,cycle_id,recommendation_id\r\n")
    }

    @Test("fields with a comma, a quote, CR or LF are quoted with quotes doubled; others are written as they are", arguments: [
        ("plain", "plain"), ("", ""), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("line\nbreak", "\"line\nbreak\""),
        ("cr\rhere", "\"cr\rhere\""), ("crlf\r\n", "\"crlf\r\n\""), ("\"", "\"\"\"\""), ("ünïcode, too", "\"ünïcode, too\""),
    ])
    func escaping(field: String, written: String) {
        #expect(PayrollCSV.escaped(field) == written)
    }

    @Test("an approval's line: line id = change id, amount positive with the currency's minor digits, the new base salary")
    func approvalLine() throws {
        let line = PayrollLine(Self.approval())
        #expect(line.fileName == "payroll-2026-04-01.csv")
        #expect(PayrollCSV.line(line) == "chg-1,change,chg-1,E0001,merit,2026-04-01,1234.50,EUR,61234.50,cycle-2026,rec-9\r\n")
        let bonus = PayrollLine(Self.approval(kind: .lumpSum, amount: try Money("5000", currency: "JPY"), newBase: nil))
        #expect(PayrollCSV.line(bonus) == "chg-1,change,chg-1,E0001,lump_sum,2026-04-01,5000,JPY,,cycle-2026,rec-9\r\n")
    }

    @Test("a reversal's line: line id = reversal id, change id = the reversed change, amount negative, the restored salary, no recommendation")
    func reversalLine() throws {
        let reversal = CompensationChangeReversed(
            reversalID: "rev-1", reversedChangeID: "chg-1", employeeID: "E0001", kind: .promotion,
            amount: try Money("0.1", currency: "EUR"), restoredBaseSalary: try Money("60000", currency: "EUR"),
            effectiveDate: CalendarDate(year: 2026, month: 5, day: 31), cycleID: "c, \"x\"", actorID: "HR2", reason: "error")
        let line = PayrollLine(reversal)
        #expect(line.fileName == "payroll-2026-05-31.csv")
        #expect(PayrollCSV.line(line) == "rev-1,reversal,chg-1,E0001,promotion,2026-05-31,-0.10,EUR,60000.00,\"c, \"\"x\"\"\",\r\n")
        var bonus = reversal
        bonus.kind = .bonus
        bonus.restoredBaseSalary = nil
        bonus.amount = try Money("1234.567", currency: "KWD")
        #expect(PayrollCSV.fields(of: PayrollLine(bonus))[6...8] == ["-1234.567", "KWD", ""])
    }

    @Test("records(in:) reads back what the writer wrote, quoted commas, quotes and line breaks included")
    func roundTrip() throws {
        let rows = [PayrollCSV.columns, ["a,b", "say \"hi\"", "two\r\nlines", "", "x"], ["1", "", "", "", "\""]]
        let text = rows.map(PayrollCSV.record).joined()
        #expect(try PayrollCSV.records(in: Array(text.utf8)) == rows)
        #expect(try PayrollCSV.records(in: Array("a,b\nc,d".utf8)) == [["a", "b"], ["c", "d"]], "LF and a missing last line end")
        #expect(try PayrollCSV.records(in: []) == [])
    }

    @Test("records(in:) refuses malformed CSV, naming the line", arguments: [
        ("a,b\r\nc\"d,e\r\n", 2), ("\"abc\"x,y\r\n", 1), ("a\r\n\"never\r\nends", 2),
    ])
    func malformed(text: String, line: Int) {
        #expect(throws: PayrollCSV.MalformedCSV.self) { try PayrollCSV.records(in: Array(text.utf8)) }
        do {
            _ = try PayrollCSV.records(in: Array(text.utf8))
        } catch let error as PayrollCSV.MalformedCSV {
            #expect(error.line == line, "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
