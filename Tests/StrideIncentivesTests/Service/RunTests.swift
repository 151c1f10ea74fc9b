import Foundation
import HTTPTypes
import StrideContracts
import StrideIncentives
import StrideKafka
import StrideTestSupport
import Testing

/// The set-based merit and bonus run: what it recommends is exactly what the pure domain types
/// compute for each person, each department fits its pools, and it announces what it did.
@Suite("Incentives: the merit and bonus run", .serialized)
struct RunTests {
    /// What the domain types say one person's merit and bonus are, given the department's fits.
    struct Expected {
        var percent: Decimal
        var amount: Decimal
        var lumpSum: Decimal
        var newSalary: Decimal
        var bonus: Decimal
    }

    /// Recomputes a department's recommendations with the domain types, for the rated people of the harness's org.
    static func expected(department: String, meritPoolPercent: Decimal = 4, bonusPoolPercent: Decimal = 12) -> [String: Expected] {
        let ratings = Dictionary(uniqueKeysWithValues: IncentivesFixtures.standardRatings)
        let start = CalendarDate(year: 2026, month: 1, day: 1), end = CalendarDate(year: 2026, month: 12, day: 31)
        let priced = IncentivesHarness.people.filter { $0.department == department && ratings[$0.id] != nil }
        struct Priced { var id: String; var salary: Decimal; var max: Decimal; var range: MeritRange; var proration: Decimal; var plan: Decimal }
        let rows: [Priced] = priced.map { person in
            let employee = IncentivesHarness.employee(person.id)
            let level = ratings[person.id]!
            let zone = SalaryZone.of(salary: employee.baseSalary, band: employee.salaryBand)
            let g = IncentivesFixtures.guideline(level: level, zone: zone.rawValue)
            let range = MeritRange(minimumPercent: max(0, g - 1), guidelinePercent: g, maximumPercent: g + 1)
            let proration = Proration.factor(hireDate: person.hired, periodStart: start, periodEnd: end)
            let target: Decimal = person.level.hasPrefix("M") ? 15 : 10
            let multiplier: Decimal = [0, 0.5, 1, 1.25, 1.5][level - 1]
            let plan = BonusPlan.planAmount(
                salary: person.salary, targetPercent: target, companyMultiplier: 1.1, individualMultiplier: multiplier, proration: proration)
            return Priced(id: person.id, salary: person.salary, max: employee.salaryBand.maximum.amount, range: range, proration: proration, plan: plan)
        }
        let payroll = rows.reduce(Decimal(0)) { $0 + $1.salary }
        let meritFit = BudgetFit.merit(
            pool: BudgetFit.pool(payroll: payroll, percent: meritPoolPercent, currency: "EUR"),
            minimumCost: rows.reduce(0) { $0 + $1.salary * $1.range.minimumPercent / 100 * $1.proration },
            guidelineCost: rows.reduce(0) { $0 + $1.salary * $1.range.guidelinePercent / 100 * $1.proration })
        let bonusFit = BudgetFit.bonus(
            pool: BudgetFit.pool(payroll: payroll, percent: bonusPoolPercent, currency: "EUR"), planCost: rows.reduce(0) { $0 + $1.plan })
        var result: [String: Expected] = [:]
        for row in rows {
            let percent = meritFit.meritPercent(row.range)
            let increase = MeritIncrease(salary: row.salary, bandMaximum: row.max, percent: percent, proration: row.proration, currency: "EUR")
            result[row.id] = Expected(
                percent: percent, amount: increase.baseIncrease, lumpSum: increase.lumpSum, newSalary: increase.newSalary,
                bonus: BonusPlan.amount(plan: row.plan, fit: bonusFit.factor, currency: "EUR"))
        }
        return result
    }

    /// Checks every Sales recommendation against ``expected(department:meritPoolPercent:bonusPoolPercent:)``.
    static func checkSales(_ h: IncentivesHarness, _ cycleID: String, meritPoolPercent: Decimal, bonusPoolPercent: Decimal = 12) async throws {
        let expected = Self.expected(department: "Sales", meritPoolPercent: meritPoolPercent, bonusPoolPercent: bonusPoolPercent)
        let list = try await h.call(.get, "/v1/comp-cycles/\(cycleID)/recommendations?department=Sales&limit=100", as: "hr")
        try #require(list.status == 200, "\(list.text)")
        let items = try list.items
        #expect(items.count == expected.count * 2, "\(list.text)")
        for item in items {
            let employee = try #require(item["employee_id"] as? String)
            let want = try #require(expected[employee])
            let amount = Decimal(string: ((item["amount"] as? [String: Any])?["amount"] as? String) ?? "x")
            if item["kind"] as? String == "merit" {
                #expect(Decimal(string: item["percent"] as? String ?? "x") == want.percent, "\(employee) percent: \(item)")
                #expect(amount == want.amount, "\(employee) increase: \(item)")
                #expect(Decimal(string: ((item["lump_sum"] as? [String: Any])?["amount"] as? String) ?? "x") == want.lumpSum, "\(employee)")
                #expect(Decimal(string: ((item["new_salary"] as? [String: Any])?["amount"] as? String) ?? "x") == want.newSalary, "\(employee)")
            } else {
                #expect(amount == want.bonus, "\(employee) bonus: \(item)")
            }
        }
    }

    @Test("everyone rated gets a merit and a bonus recommendation equal to the domain's; the unrated are counted; the band cap pays a lump sum; a mid-year joiner is prorated")
    func runMatchesDomain() async throws {
        try await IncentivesHarness.incentives { h in
            let tap = try await TopicTap.start(topic: StrideTopic.incentives.rawValue, source: "/stride/\(h.schema)")
            defer { Task { await tap.close() } }
            let cycleID = try await IncentivesFixtures.openCycle(h)
            try await IncentivesFixtures.rate(h, IncentivesFixtures.standardRatings)
            #expect(try await h.call(.post, "/v1/comp-cycles/\(cycleID)/run", as: "m1").status == 403)
            #expect(try await h.call(.post, "/v1/comp-cycles/unknown/run", as: "hr").status == 404)
            let run = try await h.call(.post, "/v1/comp-cycles/\(cycleID)/run", as: "hr")
            try #require(run.status == 200, "\(run.text)")
            #expect(try run.json["merit_recommendations"] as? Int == 10)
            #expect(try run.json["bonus_recommendations"] as? Int == 10)
            #expect(try run.json["unrated"] as? Int == 1, "the CEO has no appraisal: \(run.text)")
            try await Self.checkSales(h, cycleID, meritPoolPercent: 4)

            let e2 = try await h.call(.get, "/v1/recommendations/\(try await IncentivesFixtures.recommendationID(h, cycleID, "e2", "merit"))", as: "m1")
            try #require(e2.status == 200, "\(e2.text)")
            #expect((try e2.json["new_salary"] as? [String: Any])?["amount"] as? String == "75000.00", "capped at the band maximum")
            #expect((try e2.json["lump_sum"] as? [String: Any])?["amount"] as? String == "1960.00", "74,000 × 4 % = 2,960: 1,000 to the band maximum, 1,960 once")
            let e3 = try await h.call(.get, "/v1/recommendations/\(try await IncentivesFixtures.recommendationID(h, cycleID, "e3", "merit"))", as: "hr")
            #expect((try e3.json["amount"] as? [String: Any])?["amount"] as? String == "0.00", "above the maximum: no base increase")
            #expect(try e3.json["zone"] as? String == "above_maximum")
            let e4 = try await h.call(.get, "/v1/recommendations/\(try await IncentivesFixtures.recommendationID(h, cycleID, "e4", "merit"))", as: "m1")
            #expect(try e4.json["proration"] as? String == "0.50411", "hired 2026-07-01: 184 of 365 days")

            let budgets = try await h.call(.get, "/v1/comp-cycles/\(cycleID)/budgets", as: "hr")
            try #require(budgets.status == 200, "\(budgets.text)")
            for budget in try budgets.items {
                let pool = Decimal(string: ((budget["merit_pool"] as? [String: Any])?["amount"] as? String) ?? "x")!
                let spend = Decimal(string: ((budget["merit_spend"] as? [String: Any])?["amount"] as? String) ?? "x")!
                #expect(spend <= pool, "\(budget)")
            }
            #expect(try await h.call(.get, "/v1/comp-cycles/\(cycleID)/budgets", as: "m1").status == 403)

            let announced = try await tap.events { seen in
                seen.filter { $0.0.type == MeritRecommended.eventType }.count >= 10 && seen.filter { $0.0.type == BonusRecommended.eventType }.count >= 10
            }
            #expect(announced.filter { $0.0.type == MeritRecommended.eventType }.count == 10)
            let merit = try announced.filter { $0.0.type == MeritRecommended.eventType }
                .map { try EventCodec.decodePayload(MeritRecommended.self, from: $0.1.value) }
            #expect(merit.first { $0.employeeID == "e2" }?.proposedBaseSalary == Money(amount: 75_000, currency: "EUR"))
        }
    }

    @Test("a pool between the minimums and the guidelines scales the discretionary part; a pool short of the minimums scales them and is reported")
    func poolsFit() async throws {
        try await IncentivesHarness.incentives { h in
            let tight = try await IncentivesFixtures.ranCycle(
                h, plan: IncentivesFixtures.plan(budgets: #"[{"department": "Sales", "merit_pool_percent": "3", "bonus_pool_percent": "5"}]"#))
            try await Self.checkSales(h, tight, meritPoolPercent: 3, bonusPoolPercent: 5)
            let sales = try await h.call(.get, "/v1/comp-cycles/\(tight)/budgets", as: "hr").items.first { $0["department"] as? String == "Sales" }
            #expect(sales?["merit_short"] as? Bool == false)
            let fit = Decimal(string: sales?["merit_fit"] as? String ?? "x") ?? 9
            #expect(fit > 0 && fit < 1, "\(String(describing: sales))")

            let short = try await IncentivesFixtures.openCycle(
                h, appraisalCycle: "ac-2026",
                plan: IncentivesFixtures.plan(budgets: #"[{"department": "Sales", "merit_pool_percent": "1", "bonus_pool_percent": "5"}]"#))
            let run = try await h.call(.post, "/v1/comp-cycles/\(short)/run", as: "hr")
            try #require(run.status == 200, "\(run.text)")
            try await Self.checkSales(h, short, meritPoolPercent: 1, bonusPoolPercent: 5)
            let shortSales = try await h.call(.get, "/v1/comp-cycles/\(short)/budgets", as: "hr").items.first { $0["department"] as? String == "Sales" }
            #expect(shortSales?["merit_short"] as? Bool == true, "\(String(describing: shortSales))")
        }
    }

    @Test("a re-run keeps each recommendation's id and raises its version; bad plans are refused naming the field and change nothing")
    func rerunAndValidation() async throws {
        try await IncentivesHarness.incentives { h in
            let cycleID = try await IncentivesFixtures.ranCycle(h)
            let id = try await IncentivesFixtures.recommendationID(h, cycleID, "e1", "merit")
            let again = try await h.call(.post, "/v1/comp-cycles/\(cycleID)/run", as: "hr")
            #expect(again.status == 200, "\(again.text)")
            #expect(try await IncentivesFixtures.recommendationID(h, cycleID, "e1", "merit") == id)
            #expect(try await h.scalar("SELECT version FROM $schema.recommendations WHERE recommendation_id = '\(id)'", as: Int.self) == 2)

            let before = try await h.scalar("SELECT count(*)::int FROM $schema.comp_cycles", as: Int.self)
            let gap = IncentivesFixtures.plan().replacingOccurrences(of: #"{"rating_level": 2, "zone": "q3""#, with: #"{"rating_level": 2, "zone": "q2""#)
            let missingZone = try await h.call(
                .post, "/v1/comp-cycles", as: "hr",
                json: #"{"name": "x", "appraisal_cycle_id": "ac", "period_start": "2026-01-01", "period_end": "2026-12-31", "effective_date": "2027-04-01", "payout_date": "2027-03-31", "plan": \#(gap)}"#)
            #expect(missingZone.status == 400 || missingZone.status == 422, "\(missingZone.text)")
            let badPool = IncentivesFixtures.plan().replacingOccurrences(of: #""default_merit_pool_percent": "4""#, with: #""default_merit_pool_percent": "-4""#)
            let negative = try await h.call(
                .post, "/v1/comp-cycles", as: "hr",
                json: #"{"name": "x", "appraisal_cycle_id": "ac", "period_start": "2026-01-01", "period_end": "2026-12-31", "effective_date": "2027-04-01", "payout_date": "2027-03-31", "plan": \#(badPool)}"#)
            #expect(negative.status == 400 && negative.problemFields == ["plan.default_merit_pool_percent"], "\(negative.text)")
            let nul = try await h.call(
                .post, "/v1/comp-cycles", as: "hr",
                json: #"{"name": "x\u0000", "appraisal_cycle_id": "ac", "period_start": "2026-01-01", "period_end": "2026-12-31", "effective_date": "2027-04-01", "payout_date": "2027-03-31", "plan": \#(IncentivesFixtures.plan())}"#)
            #expect(nul.status == 400, "\(nul.text)")
            let backwards = try await h.call(
                .post, "/v1/comp-cycles", as: "hr",
                json: #"{"name": "x", "appraisal_cycle_id": "ac", "period_start": "2026-12-31", "period_end": "2026-01-01", "effective_date": "2027-04-01", "payout_date": "2027-03-31", "plan": \#(IncentivesFixtures.plan())}"#)
            #expect(backwards.status == 400 && backwards.problemFields == ["period_end"], "\(backwards.text)")
            let manager = try await h.call(
                .post, "/v1/comp-cycles", as: "m1",
                json: #"{"name": "x", "appraisal_cycle_id": "ac", "period_start": "2026-01-01", "period_end": "2026-12-31", "effective_date": "2027-04-01", "payout_date": "2027-03-31", "plan": \#(IncentivesFixtures.plan())}"#)
            #expect(manager.status == 403, "\(manager.text)")
            #expect(try await h.scalar("SELECT count(*)::int FROM $schema.comp_cycles", as: Int.self) == before)
        }
    }
}
