import Foundation
import StrideAppraisal
import StrideContracts
import Testing

@Suite("Distribution guidelines")
struct DistributionGuidelineTests {
    let scale = standardTerms().scale
    let guideline = DistributionGuideline(
        targets: [
            LevelShare(level: 1, targetPercent: 10), LevelShare(level: 2, targetPercent: 20),
            LevelShare(level: 3, targetPercent: 40), LevelShare(level: 4, targetPercent: 20),
            LevelShare(level: 5, targetPercent: 10),
        ],
        tolerancePercent: 5)

    @Test("a share exactly on target ∓ tolerance is within")
    func edgesInclusive() {
        // 20 people: 5 %, 15 %, 45 %, 25 %, 10 %.
        let cells = guideline.assess(counts: [1: 1, 2: 3, 3: 9, 4: 5, 5: 2], scale: scale)
        #expect(cells.map(\.level) == [1, 2, 3, 4, 5])
        #expect(cells.map(\.actualPercent) == [5, 15, 45, 25, 10])
        #expect(cells.map(\.status) == [.within, .within, .within, .within, .within])
        #expect(cells.map(\.lowerPercent) == [5, 15, 35, 15, 5])
        #expect(cells.map(\.upperPercent) == [15, 25, 45, 25, 15])
        #expect(cells[2].label == "Meets expectations" && cells[2].count == 9 && cells[2].targetPercent == 40)
    }

    @Test("beyond the tolerance a level is above or below")
    func outside() {
        // 20 people: 0 %, 10 %, 50 %, 30 %, 10 %.
        let cells = guideline.assess(counts: [2: 2, 3: 10, 4: 6, 5: 2], scale: scale)
        #expect(cells.map(\.status) == [.below, .below, .above, .above, .within])
        // 1 of 21 is 4.76 %: below 5 %.
        let justBelow = guideline.assess(counts: [1: 1, 2: 4, 3: 9, 4: 5, 5: 2], scale: scale)
        #expect(justBelow[0].actualPercent == dec("4.76"))
        #expect(justBelow[0].status == .below)
    }

    @Test("shares are rounded to 2 places; limits are clamped to 0…100; other levels are ignored")
    func roundingAndClamping() {
        let wide = DistributionGuideline(targets: guideline.targets, tolerancePercent: 50)
        let cells = wide.assess(counts: [1: 1, 2: 2, 7: 100], scale: scale)
        #expect(cells.map(\.actualPercent) == [dec("33.33"), dec("66.67"), 0, 0, 0])
        #expect(cells[0].lowerPercent == 0 && cells[2].upperPercent == 90 && cells[0].upperPercent == 60)
        #expect(cells.allSatisfy { $0.status == .within })  // 66.67 ≤ 20 + 50
    }

    @Test("an empty population is 0 % everywhere and within")
    func empty() {
        let cells = guideline.assess(counts: [:], scale: scale)
        #expect(cells.count == 5)
        #expect(cells.allSatisfy { $0.actualPercent == 0 && $0.count == 0 && $0.status == .within })
    }

    @Test("every level once, targets 0 to 100 summing to 100, tolerance 0 to 50")
    func violations() {
        #expect(DistributionGuideline.violations(of: guideline, scale: scale).isEmpty)
        var broken = guideline
        broken.targets[4] = LevelShare(level: 4, targetPercent: 10)
        #expect(summary(DistributionGuideline.violations(of: broken, scale: scale)) == ["invalid:targets[4].level", "invalid:targets"])
        broken = guideline
        broken.targets[0] = LevelShare(level: 6, targetPercent: -1)
        broken.tolerancePercent = 51
        #expect(
            summary(DistributionGuideline.violations(of: broken, scale: scale)) == [
                "invalid:targets[0].level", "invalid:targets[0].target_percent", "invalid:targets", "invalid:targets",
                "invalid:tolerance_percent",
            ])
        broken = guideline
        broken.targets[0].targetPercent = 11
        #expect(summary(DistributionGuideline.violations(of: broken, scale: scale)) == ["invalid:targets"])
    }

    @Test("cells travel with snake_case keys")
    func encoding() throws {
        let cell = guideline.assess(counts: [3: 1], scale: scale)[2]
        let json = try #require(String(data: JSONEncoder().encode(cell), encoding: .utf8))
        #expect(json.contains("\"actual_percent\":\"100\"") && json.contains("\"status\":\"above\""))
        #expect(json.contains("\"lower_percent\":\"35\"") && json.contains("\"upper_percent\":\"45\""))
    }
}
