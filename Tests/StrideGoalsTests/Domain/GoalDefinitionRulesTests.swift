import Foundation
import StrideContracts
import Testing

@testable import StrideGoals

/// Exact decimal from text, never through a binary float.
private func d(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
}

private func measure(
    _ direction: MetricDirection = .increase, unit: String = "EUR", start: String = "100", target: String = "200",
    lower: String? = nil, upper: String? = nil
) -> GoalMeasure {
    GoalMeasure(
        metricID: "revenue", unit: unit, direction: direction, startValue: d(start), targetValue: d(target),
        lowerBound: lower.map(d), upperBound: upper.map(d))
}

private func keyResult(_ id: String, weight: String = "50", start: String = "0", target: String = "10") -> KeyResult {
    KeyResult(
        keyResultID: id, title: "Result \(id)", unit: "count", startValue: d(start), targetValue: d(target),
        weight: d(weight))
}

private func definition(
    title: String = "Grow revenue", description: String? = nil, kind: GoalKind = .kpi, weight: String = "40",
    measure: GoalMeasure? = measure(), keyResults: [KeyResult] = []
) -> GoalDefinition {
    GoalDefinition(
        title: title, description: description, level: .employee, kind: kind, parentGoalID: nil, weight: d(weight),
        dueDate: nil, measure: measure, keyResults: keyResults)
}

private func objective(_ keyResults: [KeyResult]) -> GoalDefinition {
    definition(kind: .objective, measure: nil, keyResults: keyResults)
}

/// The (code, field) pairs found, for compact comparison.
private func found(_ definition: GoalDefinition) -> [String] {
    GoalDefinitionRules.violations(of: definition).map { "\($0.code.rawValue) \($0.field ?? "-")" }
}

@Suite("Goal definition rules")
struct GoalDefinitionRulesTests {
    @Test("valid KPI, objective and milestone definitions have no violations")
    func validDefinitions() {
        #expect(found(definition()).isEmpty)
        #expect(found(definition(measure: measure(.decrease, start: "10", target: "5"))).isEmpty)
        #expect(found(definition(measure: measure(.stayWithinRange, lower: "-2", upper: "2"))).isEmpty)
        #expect(found(objective([keyResult("a", weight: "60"), keyResult("b", weight: "40")])).isEmpty)
        #expect(found(definition(kind: .milestone, measure: nil)).isEmpty)
    }

    @Test("every violation is reported at once, each naming its JSON field")
    func allReportedAtOnce() {
        let broken = definition(
            title: "   ", description: String(repeating: "x", count: 4001), kind: .kpi, weight: "0", measure: nil)
        #expect(
            found(broken) == [
                "invalid_field title", "invalid_field description", "invalid_weight weight", "invalid_measure measure",
            ])
        for violation in GoalDefinitionRules.violations(of: broken) {
            #expect(!violation.message.isEmpty)
        }
    }

    @Test("the title must not be empty or whitespace only")
    func emptyTitle() {
        #expect(found(definition(title: "")) == ["invalid_field title"])
        #expect(found(definition(title: " \n\t ")) == ["invalid_field title"])
    }

    @Test("the title may have up to 200 characters, counted as a person would")
    func titleLength() {
        #expect(found(definition(title: String(repeating: "a", count: 200))).isEmpty)
        #expect(found(definition(title: String(repeating: "é", count: 200))).isEmpty)
        #expect(found(definition(title: String(repeating: "a", count: 201))) == ["invalid_field title"])
        #expect(GoalDefinitionRules.maxTitleLength == 200)
    }

    @Test("the description may have up to 4000 characters")
    func descriptionLength() {
        #expect(found(definition(description: String(repeating: "x", count: 4000))).isEmpty)
        #expect(found(definition(description: String(repeating: "x", count: 4001))) == ["invalid_field description"])
    }

    @Test("the goal's weight follows the weight rules", arguments: ["0", "-5", "100.01", "12.345"])
    func invalidWeight(weight: String) {
        #expect(found(definition(weight: weight)) == ["invalid_weight weight"])
    }

    @Test("a KPI needs a measure; a milestone or objective must not have one")
    func measureMatchesKind() {
        #expect(found(definition(kind: .kpi, measure: nil)) == ["invalid_measure measure"])
        #expect(found(definition(kind: .milestone, measure: measure())) == ["invalid_measure measure"])
        #expect(
            found(objective([keyResult("a", weight: "100")]).with(measure: measure())) == ["invalid_measure measure"])
    }

    @Test("an objective needs key results; a KPI or milestone must not have any")
    func keyResultsMatchKind() {
        #expect(found(objective([])) == ["invalid_field key_results"])
        #expect(found(definition(keyResults: [keyResult("a", weight: "100")])) == ["invalid_field key_results"])
        #expect(
            found(definition(kind: .milestone, measure: nil, keyResults: [keyResult("a", weight: "100")])) == [
                "invalid_field key_results"
            ])
    }

    @Test("an objective has at most 10 key results")
    func tooManyKeyResults() {
        let ten = (0..<10).map { keyResult("kr\($0)", weight: "10") }
        #expect(found(objective(ten)).isEmpty)
        let eleven = (0..<11).map { keyResult("kr\($0)", weight: $0 == 0 ? "0.01" : "9.999") }
        #expect(found(objective(eleven)).contains("invalid_field key_results"))
        let elevenValid = (0..<11).map { keyResult("kr\($0)", weight: $0 < 10 ? "9" : "10") }
        #expect(found(objective(elevenValid)) == ["invalid_field key_results"])
    }

    @Test("key result ids must be present and unique within the goal")
    func keyResultIDs() {
        #expect(found(objective([keyResult("a"), keyResult("a")])) == ["invalid_field key_results[1].key_result_id"])
        #expect(found(objective([keyResult(" "), keyResult("b")])) == ["invalid_field key_results[0].key_result_id"])
    }

    @Test("each key result weight follows the weight rules, named by its index")
    func keyResultWeight() {
        #expect(
            found(objective([keyResult("a", weight: "0"), keyResult("b", weight: "100")]))
                == ["invalid_weight key_results[0].weight"])
        #expect(
            found(objective([keyResult("a", weight: "50.005"), keyResult("b", weight: "49.995")]))
                == ["invalid_weight key_results[0].weight", "invalid_weight key_results[1].weight"])
    }

    @Test("key result weights must sum to exactly 100: 99.99 is refused, 100 accepted")
    func keyResultWeightSum() {
        let short = objective([
            keyResult("a", weight: "33.33"), keyResult("b", weight: "33.33"), keyResult("c", weight: "33.33"),
        ])
        #expect(found(short) == ["weights_do_not_sum_to_100 key_results"])
        #expect(
            GoalDefinitionRules.violations(of: short).first?.message
                == "Key result weights sum to 99.99; they must sum to 100.")
        let exact = objective([
            keyResult("a", weight: "33.33"), keyResult("b", weight: "33.33"), keyResult("c", weight: "33.34"),
        ])
        #expect(found(exact).isEmpty)
    }

    @Test("a key result's target must differ from its start")
    func keyResultTargetEqualsStart() {
        #expect(
            found(objective([keyResult("a", start: "5", target: "5"), keyResult("b")]))
                == ["invalid_measure key_results[0].target_value"])
    }

    @Test("a key result may count down (target below start)")
    func keyResultCountsDown() {
        #expect(found(objective([keyResult("a", start: "10", target: "2"), keyResult("b")])).isEmpty)
    }

    @Test("a KPI measure needs a unit")
    func unitRequired() {
        #expect(found(definition(measure: measure(unit: ""))) == ["invalid_measure measure.unit"])
        #expect(found(definition(measure: measure(unit: "  "))) == ["invalid_measure measure.unit"])
    }

    @Test("an increasing KPI needs target ≥ start; target == start is allowed")
    func increaseDirection() {
        #expect(
            found(definition(measure: measure(.increase, start: "100", target: "99.99"))) == [
                "invalid_measure measure.target_value"
            ])
        #expect(found(definition(measure: measure(.increase, start: "100", target: "100"))).isEmpty)
    }

    @Test("a decreasing KPI needs target ≤ start; target == start is allowed")
    func decreaseDirection() {
        #expect(
            found(definition(measure: measure(.decrease, start: "10", target: "10.01"))) == [
                "invalid_measure measure.target_value"
            ])
        #expect(found(definition(measure: measure(.decrease, start: "10", target: "10"))).isEmpty)
    }

    @Test("a stay-within-range KPI needs at least one bound, and lower ≤ upper")
    func rangeBounds() {
        #expect(found(definition(measure: measure(.stayWithinRange))) == ["invalid_measure measure.lower_bound"])
        #expect(found(definition(measure: measure(.stayWithinRange, lower: "0"))).isEmpty)
        #expect(found(definition(measure: measure(.stayWithinRange, upper: "0"))).isEmpty)
        #expect(found(definition(measure: measure(.stayWithinRange, lower: "3", upper: "3"))).isEmpty)
        #expect(
            found(definition(measure: measure(.stayWithinRange, lower: "3.01", upper: "3")))
                == ["invalid_measure measure.upper_bound"])
    }

    @Test("a stay-within-range KPI does not care which way start and target lie")
    func rangeIgnoresDirectionOfTarget() {
        #expect(
            found(definition(measure: measure(.stayWithinRange, start: "10", target: "0", lower: "0", upper: "10")))
                .isEmpty)
    }

    @Test("measure and key-result problems are reported together with the other fields")
    func mixedProblems() {
        let broken = definition(
            title: "", kind: .objective, weight: "100.5", measure: measure(),
            keyResults: [keyResult("a", weight: "60", start: "1", target: "1"), keyResult("a", weight: "30")])
        #expect(
            found(broken) == [
                "invalid_field title", "invalid_weight weight", "invalid_measure measure",
                "invalid_measure key_results[0].target_value", "invalid_field key_results[1].key_result_id",
                "weights_do_not_sum_to_100 key_results",
            ])
    }
}

extension GoalDefinition {
    fileprivate func with(measure: GoalMeasure?) -> GoalDefinition {
        var copy = self
        copy.measure = measure
        return copy
    }
}
