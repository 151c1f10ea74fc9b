import Foundation
import StrideContracts
import Testing

@testable import StrideGoals

/// Every transition the workflow allows; anything not listed must be refused.
private let allowedTransitions: [GoalStatus: [GoalAction: GoalStatus]] = [
    .draft: [.submit: .submitted, .cancel: .cancelled],
    .returned: [.submit: .submitted, .cancel: .cancelled],
    .submitted: [.approve: .approved, .return: .returned, .cancel: .cancelled],
    .approved: [.activate: .active, .cancel: .cancelled],
    .active: [.complete: .completed, .cancel: .cancelled],
    .completed: [:],
    .cancelled: [:],
]

@Suite("Goal workflow")
struct GoalWorkflowTests {
    @Test(
        "exactly the listed transitions succeed, every other status × action is an invalid transition",
        arguments: GoalStatus.allCases, GoalAction.allCases)
    func transitionTable(status: GoalStatus, action: GoalAction) throws {
        if let expected = allowedTransitions[status]?[action] {
            #expect(try GoalWorkflow.next(from: status, on: action) == expected)
        } else {
            let error = #expect(throws: GoalRuleViolation.self) { try GoalWorkflow.next(from: status, on: action) }
            #expect(error?.code == .invalidTransition)
        }
    }

    @Test("the table covers 11 allowed transitions out of 42 combinations")
    func allowedCount() {
        var allowed = 0
        for status in GoalStatus.allCases {
            for action in GoalAction.allCases where (try? GoalWorkflow.next(from: status, on: action)) != nil {
                allowed += 1
            }
        }
        #expect(allowed == 11)
        #expect(GoalStatus.allCases.count * GoalAction.allCases.count == 42)
    }

    @Test(
        "a forbidden transition names the status and the action in a sentence",
        arguments: [
            (GoalStatus.completed, GoalAction.approve, "A completed goal cannot be approved."),
            (.active, .approve, "An active goal cannot be approved."),
            (.approved, .submit, "An approved goal cannot be submitted."),
            (.draft, .approve, "A draft goal cannot be approved."),
            (.draft, .activate, "A draft goal cannot be activated."),
            (.submitted, .activate, "A submitted goal cannot be activated."),
            (.submitted, .submit, "A submitted goal cannot be submitted."),
            (.returned, .approve, "A returned goal cannot be approved."),
            (.approved, .complete, "An approved goal cannot be completed."),
            (.active, .return, "An active goal cannot be returned."),
            (.completed, .cancel, "A completed goal cannot be cancelled."),
            (.cancelled, .cancel, "A cancelled goal cannot be cancelled."),
            (.cancelled, .submit, "A cancelled goal cannot be submitted."),
        ])
    func forbiddenMessage(status: GoalStatus, action: GoalAction, message: String) {
        let error = #expect(throws: GoalRuleViolation.self) { try GoalWorkflow.next(from: status, on: action) }
        #expect(error?.message == message)
        #expect(error?.description == message)
        #expect(error?.code == .invalidTransition)
    }

    @Test("allowed actions match the transition table, in declaration order", arguments: GoalStatus.allCases)
    func allowedActions(status: GoalStatus) {
        let expected = GoalAction.allCases.filter { allowedTransitions[status]?[$0] != nil }
        #expect(GoalWorkflow.allowedActions(from: status) == expected)
    }

    @Test("finished goals allow no action at all")
    func finishedGoalsAreTerminal() {
        #expect(GoalWorkflow.allowedActions(from: .completed).isEmpty)
        #expect(GoalWorkflow.allowedActions(from: .cancelled).isEmpty)
    }

    @Test("only draft and returned goals are editable by their owner", arguments: GoalStatus.allCases)
    func editable(status: GoalStatus) {
        #expect(GoalWorkflow.isEditable(status) == (status == .draft || status == .returned))
    }

    @Test("only approved and active goals accept progress", arguments: GoalStatus.allCases)
    func acceptsProgress(status: GoalStatus) {
        #expect(GoalWorkflow.acceptsProgress(status) == (status == .approved || status == .active))
    }

    @Test("the happy path and a return loop reach completion")
    func fullPath() throws {
        var status = GoalStatus.draft
        for action: GoalAction in [.submit, .return, .submit, .approve, .activate, .complete] {
            status = try GoalWorkflow.next(from: status, on: action)
        }
        #expect(status == .completed)
    }

    @Test("actions travel as their JSON names, `return` included")
    func actionJSON() throws {
        #expect(
            GoalAction.allCases.map(\.rawValue) == ["submit", "approve", "return", "activate", "complete", "cancel"])
        let decoded = try JSONDecoder().decode([GoalAction].self, from: Data(#"["return","cancel"]"#.utf8))
        #expect(decoded == [.return, .cancel])
    }
}
