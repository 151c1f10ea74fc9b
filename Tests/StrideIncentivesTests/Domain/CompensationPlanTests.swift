import Foundation
import StrideContracts
import Testing

@testable import StrideIncentives

@Suite("Incentives domain: compensation plan")
struct CompensationPlanDomainTests {
    typealias F = DomainFixtures
    typealias Plan = CompensationPlan

    /// A plan with every part set and nothing wrong.
    static func fullPlan() -> Plan {
        Plan(
            meritMatrix: F.cells(), defaultMeritPoolPercent: 4, defaultBonusPoolPercent: 12,
            budgets: [
                Plan.DepartmentBudget(department: "eng", meritPoolPercent: F.dec("5.5"), bonusPoolPercent: 10),
                Plan.DepartmentBudget(department: "sales", meritPoolPercent: 3, bonusPoolPercent: F.dec("15.25")),
            ],
            companyMultiplier: F.dec("1.1"), defaultBonusTargetPercent: 10,
            bonusTargets: [Plan.BonusTarget(jobLevel: "M1", targetPercent: 15), Plan.BonusTarget(jobLevel: "M2", targetPercent: 20)],
            individualMultipliers: [
                Plan.IndividualMultiplier(ratingLevel: 1, multiplier: 0), Plan.IndividualMultiplier(ratingLevel: 3, multiplier: 1),
                Plan.IndividualMultiplier(ratingLevel: 5, multiplier: F.dec("1.5")),
            ],
            promotion: PromotionRule(minimumRatingLevel: 4, levelLadder: ["L1", "L2", "L3"]),
            developmentCatalog: [
                Plan.DevelopmentOffer(competencyID: "communication", actionKind: .training, title: "Writing workshop"),
                Plan.DevelopmentOffer(competencyID: "leadership", actionKind: .mentoring, title: "Mentoring by a senior lead"),
            ],
            expectedCompetencyLevel: 3, lowRatingLevel: 2)
    }

    static func minimalJSON(leavingOut key: String? = nil) throws -> String {
        let fields: [(String, String)] = [
            ("merit_matrix", try F.json(F.cells())),
            ("default_merit_pool_percent", #""4""#),
            ("default_bonus_pool_percent", #""12""#),
            ("default_bonus_target_percent", #""10""#),
            ("individual_multipliers", #"[{"rating_level": 3, "multiplier": "1"}]"#),
        ]
        return "{" + fields.filter { $0.0 != key }.map { #""\#($0.0)": \#($0.1)"# }.joined(separator: ", ") + "}"
    }

    private func fields(_ change: (inout Plan) -> Void) -> [String] {
        var plan = Self.fullPlan()
        change(&plan)
        return F.summary(plan.violations())
    }

    @Test("a minimal plan decodes with the documented defaults: multiplier 1, competency level 3, low rating 1, empty lists")
    func minimalDefaults() throws {
        let plan = try F.decode(Plan.self, try Self.minimalJSON())
        #expect(plan.companyMultiplier == 1)
        #expect(plan.expectedCompetencyLevel == 3)
        #expect(plan.lowRatingLevel == 1)
        #expect(plan.budgets.isEmpty)
        #expect(plan.bonusTargets.isEmpty)
        #expect(plan.developmentCatalog.isEmpty)
        #expect(plan.promotion == nil)
        #expect(plan.defaultMeritPoolPercent == 4)
        #expect(plan.defaultBonusPoolPercent == 12)
        #expect(plan.defaultBonusTargetPercent == 10)
        #expect(plan.individualMultipliers == [Plan.IndividualMultiplier(ratingLevel: 3, multiplier: 1)])
        #expect(plan.meritMatrix == F.cells())
        #expect(plan.violations().isEmpty)
        // The same defaults as the memberwise initializer's.
        #expect(
            plan
                == Plan(
                    meritMatrix: F.cells(), defaultMeritPoolPercent: 4, defaultBonusPoolPercent: 12, defaultBonusTargetPercent: 10,
                    individualMultipliers: [Plan.IndividualMultiplier(ratingLevel: 3, multiplier: 1)]))
    }

    @Test(
        "each required field is required",
        arguments: ["merit_matrix", "default_merit_pool_percent", "default_bonus_pool_percent", "default_bonus_target_percent", "individual_multipliers"])
    func requiredField(key: String) throws {
        let text = try Self.minimalJSON(leavingOut: key)
        #expect(throws: DecodingError.self) { try F.decode(Plan.self, text) }
    }

    @Test("percentages and multipliers travel as decimal strings, never JSON numbers")
    func decimalsAsStrings() throws {
        let minimal = try Self.minimalJSON()
        #expect(throws: DecodingError.self) {
            try F.decode(Plan.self, minimal.replacingOccurrences(of: #""default_merit_pool_percent": "4""#, with: #""default_merit_pool_percent": 4"#))
        }
        #expect(throws: DecodingError.self) {
            try F.decode(Plan.self, String(minimal.dropLast()) + #", "company_multiplier": 1.1}"#)
        }
        let withMultiplier = String(minimal.dropLast()) + #", "company_multiplier": "1.25", "low_rating_level": 2, "expected_competency_level": 4}"#
        let plan = try F.decode(Plan.self, withMultiplier)
        #expect(plan.companyMultiplier == F.dec("1.25"))
        #expect(plan.lowRatingLevel == 2)
        #expect(plan.expectedCompetencyLevel == 4)
    }

    @Test("a full plan round-trips through JSON with snake-case keys")
    func roundTrip() throws {
        let plan = Self.fullPlan()
        let text = try F.json(plan)
        for key in [
            #""merit_matrix":"#, #""default_merit_pool_percent":"4""#, #""default_bonus_pool_percent":"12""#, #""company_multiplier":"1.1""#,
            #""default_bonus_target_percent":"10""#, #""bonus_targets":"#, #""individual_multipliers":"#, #""development_catalog":"#,
            #""expected_competency_level":3"#, #""low_rating_level":2"#, #""merit_pool_percent":"5.5""#, #""bonus_pool_percent":"15.25""#,
            #""job_level":"M1""#, #""target_percent":"15""#, #""rating_level":5"#, #""multiplier":"1.5""#, #""competency_id":"communication""#,
            #""action_kind":"mentoring""#, #""promotion":{"#,
        ] {
            #expect(text.contains(key), "\(key) missing from \(text)")
        }
        #expect(try F.decode(Plan.self, text) == plan)
        var withoutPromotion = plan
        withoutPromotion.promotion = nil
        let withoutPromotionText = try F.json(withoutPromotion)
        #expect(!withoutPromotionText.contains("promotion"))
        #expect(try F.decode(Plan.self, withoutPromotionText) == withoutPromotion)
    }

    @Test("budget(of:) gives a listed department its pools and any other department the defaults")
    func budget() {
        let plan = Self.fullPlan()
        #expect(plan.budget(of: "eng") == Plan.DepartmentBudget(department: "eng", meritPoolPercent: F.dec("5.5"), bonusPoolPercent: 10))
        #expect(plan.budget(of: "sales").bonusPoolPercent == F.dec("15.25"))
        #expect(plan.budget(of: "finance") == Plan.DepartmentBudget(department: "finance", meritPoolPercent: 4, bonusPoolPercent: 12))
        #expect(plan.budget(of: "ENG") == Plan.DepartmentBudget(department: "ENG", meritPoolPercent: 4, bonusPoolPercent: 12))
    }

    @Test("bonusTarget(of:) gives a listed job level its target and any other the default")
    func bonusTarget() {
        let plan = Self.fullPlan()
        #expect(plan.bonusTarget(of: "M1") == 15)
        #expect(plan.bonusTarget(of: "M2") == 20)
        #expect(plan.bonusTarget(of: "L2") == 10)
    }

    @Test("individualMultiplier(of:) is the listed multiplier, and 0 for an unlisted level")
    func individualMultiplier() {
        let plan = Self.fullPlan()
        #expect(plan.individualMultiplier(of: 5) == F.dec("1.5"))
        #expect(plan.individualMultiplier(of: 3) == 1)
        #expect(plan.individualMultiplier(of: 1) == 0)
        #expect(plan.individualMultiplier(of: 2) == 0)
        #expect(plan.individualMultiplier(of: 4) == 0)
        #expect(plan.individualMultiplier(of: 11) == 0)
    }

    @Test("the matrix property looks cells up")
    func matrix() {
        let plan = Self.fullPlan()
        #expect(plan.matrix == MeritMatrix(cells: F.cells()))
        #expect(plan.matrix.range(ratingLevel: 3, zone: .q2) == F.range("3.25", "4", "4.8"))
    }

    @Test("a full, sound plan has no violations")
    func valid() {
        #expect(Self.fullPlan().violations().isEmpty)
        #expect(fields { $0.companyMultiplier = 5 }.isEmpty)
        #expect(fields { $0.companyMultiplier = 0 }.isEmpty)
        #expect(fields { $0.defaultMeritPoolPercent = F.dec("4.1234") }.isEmpty)
        #expect(fields { $0.defaultBonusPoolPercent = 100 }.isEmpty)
        #expect(fields { $0.expectedCompetencyLevel = 10; $0.lowRatingLevel = 10 }.isEmpty)
    }

    @Test("a department budget's percentages are checked under budgets[i]")
    func budgetViolations() {
        #expect(fields { $0.budgets[0].meritPoolPercent = F.dec("100.5") } == ["invalid:budgets[0].merit_pool_percent"])
        #expect(fields { $0.budgets[1].bonusPoolPercent = -1 } == ["invalid:budgets[1].bonus_pool_percent"])
        #expect(fields { $0.budgets[1].meritPoolPercent = F.dec("2.00001") } == ["invalid:budgets[1].merit_pool_percent"])
        #expect(fields { $0.budgets[1].department = "eng" } == ["invalid:budgets[1]"])
        #expect(fields { $0.budgets[0].department = "  " } == ["invalid:budgets[0]"])
    }

    @Test("the default pools, the company multiplier and the default target are checked on their own fields")
    func topLevelPercentages() {
        #expect(fields { $0.defaultMeritPoolPercent = F.dec("4.12345") } == ["invalid:default_merit_pool_percent"])
        #expect(fields { $0.defaultMeritPoolPercent = -1 } == ["invalid:default_merit_pool_percent"])
        #expect(fields { $0.defaultBonusPoolPercent = F.dec("100.0001") } == ["invalid:default_bonus_pool_percent"])
        #expect(fields { $0.companyMultiplier = F.dec("5.0001") } == ["invalid:company_multiplier"])
        #expect(fields { $0.companyMultiplier = .nan } == ["invalid:company_multiplier"])
        #expect(fields { $0.defaultBonusTargetPercent = 101 } == ["invalid:default_bonus_target_percent"])
    }

    @Test("bonus targets and individual multipliers are checked under their index")
    func listViolations() {
        #expect(fields { $0.bonusTargets[0].targetPercent = -5 } == ["invalid:bonus_targets[0].target_percent"])
        #expect(fields { $0.bonusTargets[1].jobLevel = "M1" } == ["invalid:bonus_targets[1]"])
        #expect(fields { $0.individualMultipliers = [] } == ["invalid:individual_multipliers"])
        #expect(fields { $0.individualMultipliers[0].ratingLevel = 11 } == ["invalid:individual_multipliers[0].rating_level"])
        #expect(fields { $0.individualMultipliers[2].ratingLevel = 0 } == ["invalid:individual_multipliers[2].rating_level"])
        #expect(fields { $0.individualMultipliers[1].multiplier = F.dec("5.5") } == ["invalid:individual_multipliers[1].multiplier"])
        #expect(fields { $0.individualMultipliers[1].ratingLevel = 1 } == ["invalid:individual_multipliers[1]"])
    }

    @Test("the promotion rule, the catalog and the levels are checked under their fields")
    func nestedViolations() {
        #expect(fields { $0.promotion?.requiredHighRatings = 4 } == ["invalid:promotion.required_high_ratings"])
        #expect(fields { $0.promotion?.levelLadder = ["L1", "L1"] } == ["invalid:promotion.level_ladder[1]"])
        #expect(fields { $0.developmentCatalog[0].title = " " } == ["invalid:development_catalog[0].title"])
        #expect(fields { $0.developmentCatalog[1].competencyID = "" } == ["invalid:development_catalog[1].competency_id"])
        #expect(fields { $0.developmentCatalog[1].title = String(repeating: "x", count: 201) } == ["invalid:development_catalog[1].title"])
        #expect(fields { $0.developmentCatalog[1].title = String(repeating: "x", count: 200) }.isEmpty)
        #expect(fields { $0.expectedCompetencyLevel = 0 } == ["invalid:expected_competency_level"])
        #expect(fields { $0.lowRatingLevel = 11 } == ["invalid:low_rating_level"])
    }

    @Test("a matrix problem is reported under merit_matrix")
    func matrixViolations() {
        #expect(fields { $0.meritMatrix.removeAll { $0.ratingLevel == 2 && $0.zone == .q4 } } == ["unprocessable:merit_matrix"])
        #expect(fields { $0.meritMatrix = [] } == ["invalid:merit_matrix"])
        #expect(fields { $0.meritMatrix[7].range.minimumPercent = 101 } == ["invalid:merit_matrix[7].minimum_percent"])
    }

    @Test("every problem is reported at once, matrix first, in field order")
    func allAtOnce() {
        let found = fields { plan in
            plan.meritMatrix[0].range.guidelinePercent = 0
            plan.defaultBonusPoolPercent = -1
            plan.budgets[0].meritPoolPercent = 200
            plan.individualMultipliers[0].multiplier = 6
            plan.promotion?.minimumRatingLevel = 0
            plan.lowRatingLevel = 0
        }
        #expect(
            found == [
                "invalid:merit_matrix[0].guideline_percent", "invalid:default_bonus_pool_percent", "invalid:budgets[0].merit_pool_percent",
                "invalid:individual_multipliers[0].multiplier", "invalid:promotion.minimum_rating_level", "invalid:low_rating_level",
            ])
    }
}
