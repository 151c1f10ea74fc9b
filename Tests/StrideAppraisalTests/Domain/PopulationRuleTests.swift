import StrideAppraisal
import StrideContracts
import Foundation
import Testing

@Suite("Cycle populations")
struct PopulationRuleTests {
    let everyone = PopulationRule(departments: [], jobLevels: [], hiredOnOrBefore: nil)

    @Test("empty lists include everyone active")
    func everyoneActive() {
        #expect(everyone.includes(department: "ENG", jobLevel: "L3", hireDate: day("2026-01-01"), active: true))
        #expect(everyone.includes(department: "ENG", jobLevel: "L3", hireDate: nil, active: true))
        #expect(!everyone.includes(department: "ENG", jobLevel: "L3", hireDate: nil, active: false))
    }

    @Test("departments and job levels narrow the population")
    func lists() {
        let rule = PopulationRule(departments: ["ENG", "OPS"], jobLevels: ["L4"], hiredOnOrBefore: nil)
        #expect(rule.includes(department: "OPS", jobLevel: "L4", hireDate: nil, active: true))
        #expect(!rule.includes(department: "HR", jobLevel: "L4", hireDate: nil, active: true))
        #expect(!rule.includes(department: "ENG", jobLevel: "L3", hireDate: nil, active: true))
    }

    @Test("the hire cut-off is inclusive, and an unknown hire date is out when there is one")
    func cutOff() {
        let rule = PopulationRule(departments: [], jobLevels: [], hiredOnOrBefore: day("2026-09-30"))
        #expect(rule.includes(department: "ENG", jobLevel: "L3", hireDate: day("2026-09-30"), active: true))
        #expect(!rule.includes(department: "ENG", jobLevel: "L3", hireDate: day("2026-10-01"), active: true))
        #expect(!rule.includes(department: "ENG", jobLevel: "L3", hireDate: nil, active: true))
    }

    @Test("at most 200 entries per list, none blank or repeated")
    func violations() {
        #expect(PopulationRule.violations(of: everyone).isEmpty)
        let rule = PopulationRule(
            departments: (0...200).map { "D\($0)" }, jobLevels: ["L1", " ", "L1"], hiredOnOrBefore: nil)
        #expect(
            summary(PopulationRule.violations(of: rule))
                == ["invalid:population.departments", "invalid:population.job_levels[1]", "invalid:population.job_levels[2]"])
    }

    @Test("missing lists decode as empty; keys are snake_case")
    func decoding() throws {
        let rule = try JSONDecoder().decode(PopulationRule.self, from: Data(#"{"hired_on_or_before":"2026-09-30"}"#.utf8))
        #expect(rule == PopulationRule(departments: [], jobLevels: [], hiredOnOrBefore: day("2026-09-30")))
        let json = try #require(String(data: JSONEncoder().encode(rule), encoding: .utf8))
        #expect(json.contains("\"job_levels\":[]"))
    }
}
