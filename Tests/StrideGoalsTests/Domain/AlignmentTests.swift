import Foundation
import StrideContracts
import Testing

@testable import StrideGoals

/// Existing goals: id → (parent, period).
private typealias Goals = [String: (parentID: String?, periodID: String)]

private func validate(_ goalID: String, under parentID: String, period: String = "2026", in goals: Goals)
    throws(GoalRuleViolation)
{
    try Alignment.validate(goalID: goalID, periodID: period, parentID: parentID) { goals[$0] }
}

private let tree: Goals = [
    "company": (nil, "2026"),
    "dept": ("company", "2026"),
    "team": ("dept", "2026"),
    "me": ("team", "2026"),
    "last-year": (nil, "2025"),
]

@Suite("Goal alignment")
struct AlignmentTests {
    @Test("a goal may align to an existing goal in the same period")
    func validParent() throws {
        try validate("new", under: "team", in: tree)
        try validate("me", under: "company", in: tree)  // re-aligning higher up the same branch
    }

    @Test("aligning to an unknown goal is refused, naming parent_goal_id and the id")
    func unknownParent() {
        let error = #expect(throws: GoalRuleViolation.self) { try validate("new", under: "ghost", in: tree) }
        #expect(error == GoalRuleViolation(.invalidField, field: "parent_goal_id", "No goal ghost to align to."))
    }

    @Test("a goal aligned to itself is a cycle")
    func selfParent() {
        let error = #expect(throws: GoalRuleViolation.self) { try validate("team", under: "team", in: tree) }
        #expect(error?.code == .alignmentCycle)
        #expect(error?.field == "parent_goal_id")
    }

    @Test("a parent in another period is refused")
    func crossPeriod() {
        let error = #expect(throws: GoalRuleViolation.self) { try validate("new", under: "last-year", in: tree) }
        #expect(error?.code == .crossPeriodParent)
        #expect(error?.field == "parent_goal_id")
    }

    @Test("aligning a goal under its own child is a cycle")
    func directCycle() {
        let error = #expect(throws: GoalRuleViolation.self) { try validate("team", under: "me", in: tree) }
        #expect(error?.code == .alignmentCycle)
    }

    @Test("aligning a goal under a distant descendant is a cycle")
    func indirectCycle() {
        let error = #expect(throws: GoalRuleViolation.self) { try validate("company", under: "me", in: tree) }
        #expect(error?.code == .alignmentCycle)
    }

    @Test("a cycle through a chain 10,000 goals deep is found without recursion")
    func deepCycle() {
        var goals: Goals = ["g0": (nil, "2026")]
        for level in 1..<10_000 { goals["g\(level)"] = ("g\(level - 1)", "2026") }
        let error = #expect(throws: GoalRuleViolation.self) { try validate("g0", under: "g9999", in: goals) }
        #expect(error?.code == .alignmentCycle)
        #expect(throws: Never.self) { try validate("new", under: "g9999", in: goals) }
    }

    @Test("a loop already stored among the ancestors terminates and does not block an unrelated goal")
    func preExistingCorruptCycle() throws {
        let corrupt: Goals = ["p": ("q", "2026"), "q": ("r", "2026"), "r": ("q", "2026")]
        try validate("new", under: "p", in: corrupt)
        let selfLoop: Goals = ["p": ("p", "2026")]
        try validate("new", under: "p", in: selfLoop)
    }

    @Test("an ancestor missing from the lookup ends the walk")
    func danglingAncestor() throws {
        try validate("new", under: "orphan", in: ["orphan": ("deleted", "2026")])
    }
}
