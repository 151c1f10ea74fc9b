import StrideCoaching
import StrideContracts
import Testing

@Suite("Evidence journal")
struct EvidenceRulesTests {
    let today = day("2026-03-10")

    func entry(
        on occurredOn: String = "2026-03-09", what: String = "Closed the Acme renewal", impact: String = "+12% ARR",
        link: String? = "https://crm.example.com/deals/42", goals: [String] = ["g1"], competency: String? = nil
    ) -> EvidenceEntry {
        EvidenceEntry(
            kind: .achievement, occurredOn: day(occurredOn), whatHappened: what, impact: impact, linkURL: link,
            goalIDs: goals, competencyID: competency)
    }

    @Test("a dated, factual entry with impact, an https link and goals is valid")
    func valid() {
        #expect(EvidenceRules.violations(of: entry(), today: today).isEmpty)
        #expect(EvidenceRules.violations(of: entry(on: "2026-03-10", link: nil, goals: []), today: today).isEmpty)
    }

    @Test("evidence cannot be dated in the future")
    func futureDate() {
        #expect(summary(EvidenceRules.violations(of: entry(on: "2026-03-11"), today: today)) == ["invalid:occurred_on"])
    }

    @Test("what happened and impact are required and bounded")
    func texts() {
        #expect(summary(EvidenceRules.violations(of: entry(what: " "), today: today)) == ["invalid:what_happened"])
        #expect(summary(EvidenceRules.violations(of: entry(impact: ""), today: today)) == ["invalid:impact"])
        let longWhat = String(repeating: "w", count: EvidenceRules.maxWhatHappenedLength + 1)
        #expect(summary(EvidenceRules.violations(of: entry(what: longWhat), today: today)) == ["invalid:what_happened"])
        let longImpact = String(repeating: "i", count: EvidenceRules.maxImpactLength + 1)
        #expect(summary(EvidenceRules.violations(of: entry(impact: longImpact), today: today)) == ["invalid:impact"])
    }

    @Test(
        "the link must be an absolute https address",
        arguments: [
            "http://crm.example.com/x", "ftp://files.example.com/a", "https://", "crm.example.com/deals/42",
            "javascript:alert(1)", "https://exa mple.com/", "",
        ])
    func badLinks(link: String) {
        #expect(summary(EvidenceRules.violations(of: entry(link: link), today: today)) == ["invalid:link_url"])
        #expect(EvidenceRules.linkProblem(link) != nil)
    }

    @Test("https links in any case, with paths and queries, are fine; overlong ones are not")
    func goodLinks() {
        #expect(EvidenceRules.linkProblem("HTTPS://Docs.Example.com/a/b?c=d#e") == nil)
        let long = "https://example.com/" + String(repeating: "a", count: EvidenceRules.maxLinkLength)
        #expect(EvidenceRules.linkProblem(long) != nil)
    }

    @Test("goals: bounded, no duplicates or blanks; the first is the event's goal")
    func goals() {
        #expect(summary(EvidenceRules.violations(of: entry(goals: ["g1", "g1"]), today: today)) == ["invalid:goal_ids[1]"])
        let many = (0...EvidenceRules.maxGoals).map { "g\($0)" }
        #expect(summary(EvidenceRules.violations(of: entry(goals: many), today: today)) == ["invalid:goal_ids"])
        #expect(entry(goals: ["g2", "g1"]).primaryGoalID == "g2")
        #expect(entry(goals: []).primaryGoalID == nil)
        #expect(summary(EvidenceRules.violations(of: entry(competency: ""), today: today)) == ["invalid:competency_id"])
    }
}
