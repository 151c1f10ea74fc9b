import Foundation
import StrideContracts
import StrideDemoKit

/// A feedback interview held and signed off for one of the demo's appraisal results, with the
/// goals it suggested for the next cycle.
struct HeldInterview: Sendable {
    var result: AppraisalResult
    var interview: InterviewView
    var suggestions: [GoalSuggestion]
}

extension CoachingDemo {
    /// Waits (polling each employee's interviews as their manager sees them) until the coaching
    /// service has scheduled the interview of every appraisal result from its `AppraisalFinalized`
    /// (an amended appraisal's interview carries its latest version).
    /// - Parameter results: the appraisals whose interviews are held.
    /// - Returns: the interviews, in the results' order.
    /// - Throws: ``DemoError`` when they are not all there within two minutes.
    func scheduledInterviews(for results: [AppraisalResult]) async throws -> [InterviewView] {
        let (interviews, waited) = try await poll(
            until: "the coaching service has scheduled the interviews of \(results.count) appraisals from \(StrideTopic.appraisal.rawValue)",
            timeout: .seconds(120), every: .milliseconds(250)
        ) { () async throws -> [InterviewView]? in
            let seen = try await concurrently(results, limit: context.concurrency) { [client] result in
                let appraisal = result.appraisal
                return try await client.all(
                    "/v1/employees/\(appraisal.employeeID)/feedback-interviews", as: appraisal.managerID, decoding: InterviewView.self
                ).first { $0.appraisalID == appraisal.appraisalID }
            }
            let found = seen.compactMap { $0 }
            return found.count == results.count ? found : nil
        }
        let days = Set(interviews.map { "proposed for \($0.scheduledOn), due by \($0.dueOn)" }).sorted().joined(separator: "; ")
        console.say(
            "   stride-coaching scheduled their \(interviews.count) feedback interviews (\(interviews.first?.status ?? "")) from the"
                + " events (found after \(DemoFormat.seconds(waited))), each held by the employee's manager: \(days)")
        return interviews
    }

    /// Holds each interview today: the manager records it (achievements affirmed, gaps, agreed
    /// improvement actions, development needs, goals suggested for the next cycle), the employee
    /// adds their view, then the manager and the employee sign it off; the second sign-off
    /// completes it (`FeedbackInterviewCompleted`). Prints each one's record and the states it went through.
    func holdInterviews(_ interviews: [InterviewView], for results: [AppraisalResult], tally: inout Tally) async throws
        -> [HeldInterview]
    {
        console.say("   each manager records the interview, the employee adds their view, both sign it off:")
        var held: [HeldInterview] = []
        for (interview, result) in zip(interviews, results) {
            let path = "/v1/feedback-interviews/\(interview.interviewID)"
            let employee = interview.employeeID
            let manager = interview.managerID
            let record = InterviewScenario.record(for: result, heldOn: today)
            var states = [interview.status]
            var answer: InterviewView = try await client.call("PUT", "\(path)/record", as: manager, body: record)
            states.append(answer.status)
            answer = try await client.call(
                "PUT", "\(path)/record", as: employee, body: EmployeeViewBody(employeeView: InterviewScenario.employeeView(for: result)))
            states.append("the employee's view added")
            answer = try await client.call("POST", "\(path)/sign", as: manager)
            states.append("signed by the manager")
            answer = try await client.call("POST", "\(path)/sign", as: employee)
            states.append(answer.status)
            guard answer.status == "completed" else {
                throw DemoError("the interview \(interview.interviewID) is \(answer.status) after both sign-offs, not completed")
            }
            tally.interviewsCompleted += 1
            held.append(HeldInterview(result: result, interview: answer, suggestions: record.nextCycleGoals))
            console.say(
                "     " + DemoFormat.left(org.label(employee), 28) + "with " + DemoFormat.left(org.label(manager), 26)
                    + [
                        Self.counted(record.achievementsAffirmed.count, "achievement"), Self.counted(record.gapsIdentified.count, "gap"),
                        Self.counted(record.agreedActions.count, "action") + " agreed",
                        Self.counted(record.developmentNeeds.count, "development need"),
                        Self.counted(record.nextCycleGoals.count, "goal") + " suggested",
                    ].joined(separator: ", "),
                "       " + states.joined(separator: " → ") + " (FeedbackInterviewCompleted)")
        }
        return held
    }

    /// "1 gap", "2 gaps".
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
