import Foundation
import StrideContracts
import StrideDemoKit
import StrideKafka
import StrideRuntime

/// One appraisal result the demo publishes in the appraisal service's stead, with the attainment
/// it was derived from.
struct AppraisalResult: Sendable {
    var event: AppraisalFinalized
    /// The employee's final weighted attainment of the closed year, in percent.
    var attainment: Double
}

extension CoachingDemo {
    /// How many employees' appraisal results the demo publishes.
    static let appraisedCount = 5

    /// The goal year the goals part has just closed (the latest closed `FY<year>`) and its
    /// finalized attainments, read from the goals API as HR.
    func closedYear() async throws -> (period: PeriodView, attainments: [AttainmentView]) {
        let closed = try await goalsClient.all("/v1/periods?status=closed", as: org.hr, decoding: PeriodView.self)
        let firstDay = CalendarDate(year: context.year, month: 1, day: 1)
        guard let period = closed.filter({ $0.kind == "year" && $0.startsOn == firstDay }).max(by: { $0.createdAt < $1.createdAt }) else {
            throw DemoError("the goals service has no closed FY\(context.year): the goals part closes it before the coaching part runs")
        }
        let attainments = try await goalsClient.all(
            "/v1/periods/\(period.periodID)/attainments", as: org.hr, decoding: AttainmentView.self)
        return (period, attainments)
    }

    /// The appraisal results of a handful of employees with a manager, spread over the closed
    /// year's attainment from the lowest to the highest, as the appraisal service would finalize
    /// them: the goal score from the attainment, the competency score from the person's form
    /// (``DemoProfile``), weighted 60/40 into the final score and its rating on a 1–5 scale.
    /// Each run's appraisals have ids of their own, so each run holds its own interviews.
    func appraisalResults(of period: PeriodView, _ attainments: [AttainmentView]) throws -> [AppraisalResult] {
        let appraisable = attainments.filter { record in
            record.employeeID != org.hr && org.byID[record.employeeID]?.managerID.flatMap { org.byID[$0] } != nil
        }.sorted { ($0.percent, $0.employeeID) < ($1.percent, $1.employeeID) }
        guard appraisable.count >= Self.appraisedCount else {
            throw DemoError("\(period.name) has \(appraisable.count) employees with a manager and an attainment; the demo appraises \(Self.appraisedCount)")
        }
        let picks = (0..<Self.appraisedCount).map { appraisable[$0 * (appraisable.count - 1) / (Self.appraisedCount - 1)] }
        let run = Int(context.startedAt.timeIntervalSince1970)
        return picks.map { record in
            let employee = record.employeeID
            let goalScore = min(5, max(1, 1 + record.percent / 100 * 2.5))
            let competencyScore = min(5, max(1, 1 + DemoProfile.form(of: employee) * 2.7))
            let finalScore = 0.6 * goalScore + 0.4 * competencyScore
            let level = min(5, max(1, Int(finalScore.rounded())))
            let performance: TalentLevel = level >= 4 ? .high : level == 3 ? .moderate : .low
            let potentialDraw = DemoProfile.unit("\(employee)/potential")
            let potential: TalentLevel = potentialDraw < 0.3 ? .low : potentialDraw < 0.75 ? .moderate : .high
            let event = AppraisalFinalized(
                appraisalID: "appraisal-\(period.name.lowercased())-\(employee)-\(run)", cycleID: "cycle-\(period.name.lowercased())",
                employeeID: employee, managerID: org.byID[employee]!.managerID!, periodID: period.periodID, actorID: org.hr, version: 1,
                goalScore: Self.decimal(goalScore), competencyScore: Self.decimal(competencyScore), goalWeightPercent: 60,
                competencyWeightPercent: 40, finalScore: Self.decimal(finalScore),
                rating: Rating(level: level, label: Self.ratingLabels[level - 1], scaleMaximum: 5), potential: potential,
                nineBox: NineBoxCell(performance: performance, potential: potential), calibrated: false)
            return AppraisalResult(event: event, attainment: record.percent)
        }
    }

    /// Publishes the results to `stride.appraisal.v1` as the appraisal service's outbox would:
    /// CloudEvents in binary mode, keyed by the employee (the demo's source is `/demo/appraisal`).
    func publish(_ results: [AppraisalResult]) async throws {
        let producer = try KafkaProducer(configuration: context.kafka, logger: context.logger)
        let messages = try results.map { KafkaOutgoingMessage(try EventCodec.encode($0.event, source: "/demo/appraisal")) }
        let failures = await producer.send(messages).filter { if case .failure = $0 { true } else { false } }.count
        await producer.close()
        guard failures == 0 else { throw DemoError("\(failures) of \(messages.count) appraisal results could not be published") }
        console.say(
            "   \(results.count) AppraisalFinalized → \(StrideTopic.appraisal.rawValue) (the appraisal service does not exist yet;"
                + " the demo publishes its results), spread over the year's attainment:")
        for result in results {
            let event = result.event
            console.say(
                "     " + DemoFormat.left(org.label(event.employeeID), 28)
                    + DemoFormat.right(DemoFormat.percent(result.attainment), 9) + " attained · final score \(event.finalScore)"
                    + " · \(event.rating.level)/\(event.rating.scaleMaximum) \(event.rating.label)"
                    + " · nine-box \(event.nineBox.performance.rawValue)/\(event.nineBox.potential.rawValue)")
        }
    }

    /// The labels of the 1–5 rating scale.
    static let ratingLabels = ["Unsatisfactory", "Needs improvement", "Meets expectations", "Exceeds expectations", "Outstanding"]

    /// `value` with two decimals, as a score travels.
    private static func decimal(_ value: Double) -> Decimal {
        Decimal(string: String(format: "%.2f", value)) ?? 0
    }
}
