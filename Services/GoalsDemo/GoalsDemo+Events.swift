import Foundation
import StrideContracts
import StrideDemoKit

extension GoalsDemo {
    /// Waits for the last events of the close to arrive, then prints how many of each type the
    /// service emitted during the run next to how many the demo's actions should have caused.
    func showEventTotals(_ watcher: EventWatcher, tally: Tally, employees: Int) async throws {
        let arrived = await watcher.wait(timeout: .seconds(60)) {
            $0.finalizedEmployees.count >= employees && $0.count(GoalPeriodClosed.eventType) >= 1
        }
        await watcher.settle()
        console.clearFooter()
        let seen = watcher.snapshot
        if let failure = seen.failure { throw DemoError("reading \(StrideTopic.goals.rawValue) failed: \(failure)") }
        let expected: [String: (Int, String)] = [
            GoalCreated.eventType: (tally.created, ""),
            GoalUpdated.eventType: (tally.updated, "the returned goals' edits"),
            GoalSubmitted.eventType: (tally.submitted, ""),
            GoalApproved.eventType: (tally.approved, ""),
            GoalRejected.eventType: (tally.returned, "returned for a change"),
            GoalStatusChanged.eventType: (tally.activated, "approved → active on first progress"),
            GoalProgressRecorded.eventType: (tally.progress, "by owners and by metric readings"),
            GoalPeriodClosed.eventType: (1, ""),
            AttainmentFinalized.eventType: (employees, "one per employee with goals"),
        ]
        console.say("   " + DemoFormat.left("event", 24) + DemoFormat.right("seen", 8) + DemoFormat.right("expected", 10))
        var mismatches: [String] = []
        for (type, name) in EventWatcher.catalog {
            let count = seen.count(type)
            var line = "   " + DemoFormat.left(name, 24) + DemoFormat.right(DemoFormat.count(count), 8)
            if let (want, note) = expected[type] {
                line += DemoFormat.right(DemoFormat.count(want), 10) + (count == want ? " ✓" : " ✗") + (note.isEmpty ? "" : "  " + note)
                if count != want { mismatches.append("\(name): \(count) seen, \(want) expected") }
            } else if type == GoalAtRisk.eventType {
                line += String(repeating: " ", count: 12) + "  raised when a goal falls behind pace"
            } else if type == GoalBackOnTrack.eventType {
                line += String(repeating: " ", count: 12) + "  raised when an at-risk goal catches up"
            }
            console.say(line)
        }
        console.say("   " + DemoFormat.left("total", 24) + DemoFormat.right(DemoFormat.count(seen.total), 8))
        for event in seen.recent {
            console.say("   last: \(DemoFormat.left(event.name, 22)) key \(DemoFormat.left(event.key, 8)) subject \(event.subject)")
        }
        guard arrived, mismatches.isEmpty else {
            throw DemoError(
                "the events on \(StrideTopic.goals.rawValue) do not match what happened: "
                    + (mismatches.isEmpty ? "the close's events did not all arrive within 60 s" : mismatches.joined(separator: "; ")))
        }
    }

    /// In a log (no live footer), a line after each step with the events seen so far.
    func eventsSoFar(_ watcher: EventWatcher) async {
        guard !console.isLive else { return }
        await watcher.settle(quiet: .milliseconds(300), timeout: .seconds(3))
        let seen = watcher.snapshot
        let counts = EventWatcher.catalog.compactMap { entry in
            seen.count(entry.type) > 0 ? "\(entry.name.replacingOccurrences(of: "Goal", with: "")) \(DemoFormat.count(seen.count(entry.type)))" : nil
        }
        console.say("   ⇢ \(StrideTopic.goals.rawValue) so far: \(DemoFormat.count(seen.total)) events" + (counts.isEmpty ? "" : " · " + counts.joined(separator: " · ")))
    }
}
