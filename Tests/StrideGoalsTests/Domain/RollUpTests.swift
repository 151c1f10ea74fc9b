import Foundation
import StrideContracts
import Testing

@testable import StrideGoals

/// Exact decimal from text, never through a binary float.
private func d(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
}

private func node(
    _ id: String, parent: String? = nil, weight: String = "1", own: String = "0", _ status: GoalStatus = .active
) -> RollUpNode {
    RollUpNode(id: id, parentID: parent, weight: d(weight), ownProgressPercent: d(own), status: status)
}

@Suite("Progress roll-up through the goal tree")
struct RollUpTests {
    @Test("a leaf reports its own progress")
    func leaf() {
        #expect(RollUp.progress(of: [node("g", own: "42.5")]) == ["g": d("42.5")])
    }

    @Test("a parent reports its children's progress weighted by their weights, not its own")
    func weightedChildren() {
        let progress = RollUp.progress(of: [
            node("company", own: "5"),
            node("sales", parent: "company", weight: "60", own: "50"),
            node("support", parent: "company", weight: "40", own: "100"),
        ])
        #expect(progress == ["company": 70, "sales": 50, "support": 100])
    }

    @Test("children's weights need not sum to 100")
    func relativeWeights() {
        let progress = RollUp.progress(of: [
            node("p"), node("a", parent: "p", weight: "1", own: "100"), node("b", parent: "p", weight: "3", own: "0"),
        ])
        #expect(progress["p"] == 25)
    }

    @Test("cancelled children do not contribute to their parent")
    func cancelledChildrenExcluded() {
        let progress = RollUp.progress(of: [
            node("p"),
            node("a", parent: "p", weight: "50", own: "80"),
            node("b", parent: "p", weight: "50", own: "0", .cancelled),
        ])
        #expect(progress["p"] == 80)
        #expect(progress["b"] == 0)
    }

    @Test("a parent whose children are all cancelled falls back to its own progress")
    func allCancelledFallsBack() {
        let progress = RollUp.progress(of: [
            node("p", own: "35"),
            node("a", parent: "p", weight: "50", own: "80", .cancelled),
            node("b", parent: "p", weight: "50", own: "90", .cancelled),
        ])
        #expect(progress["p"] == 35)
    }

    @Test("progress rolls up through several levels, each level from its children's rolled values")
    func multiLevel() {
        let progress = RollUp.progress(of: [
            node("member-a", parent: "team", weight: "50", own: "100"),
            node("company", own: "0"),
            node("member-b", parent: "team", weight: "50", own: "60"),
            node("team", parent: "dept", weight: "75", own: "0"),
            node("other-team", parent: "dept", weight: "25", own: "40"),
            node("dept", parent: "company", weight: "100", own: "0"),
        ])
        #expect(progress["team"] == 80)
        #expect(progress["dept"] == 70)  // 75 × 80 + 25 × 40 over 100
        #expect(progress["company"] == 70)
        #expect(progress.count == 6)
    }

    @Test("a parent outside the list is ignored: the subtree root reports its children")
    func subtreeRoot() {
        let progress = RollUp.progress(of: [
            node("team", parent: "dept-not-loaded", own: "0"),
            node("a", parent: "team", weight: "1", own: "30"),
            node("b", parent: "team", weight: "1", own: "50"),
        ])
        #expect(progress == ["team": 40, "a": 30, "b": 50])
    }

    @Test("each node is rounded to 2 places before its parent uses it")
    func roundedAtEachNode() {
        let progress = RollUp.progress(of: [
            node("root"),
            node("mid", parent: "root", weight: "1"),
            node("x", parent: "mid", weight: "1", own: "100"),
            node("y", parent: "mid", weight: "1", own: "0"),
            node("z", parent: "mid", weight: "1", own: "0"),
        ])
        #expect(progress["mid"] == d("33.33"))
        #expect(progress["root"] == d("33.33"))
        // Unrounded, 3 × 33.333… would not be a clean sum; rounded values stay exact decimals.
        let deep = RollUp.progress(of: [
            node("r"), node("m", parent: "r", weight: "2"), node("n", parent: "r", weight: "1", own: "0"),
            node("x", parent: "m", weight: "1", own: "100"), node("y", parent: "m", weight: "2", own: "0"),
        ])
        #expect(deep["m"] == d("33.33"))
        #expect(deep["r"] == d("22.22"))  // 2 × 33.33 / 3 = 22.22, not 22.2222… rounded from 33.333…
    }

    @Test("an empty list rolls up to nothing")
    func empty() {
        #expect(RollUp.progress(of: []).isEmpty)
    }

    @Test("a chain 10,000 goals deep rolls its leaf up to the root without overflowing the stack")
    func deepChain() {
        let depth = 10_000
        var nodes = [node("g0", own: "0")]
        for level in 1..<depth {
            nodes.append(node("g\(level)", parent: "g\(level - 1)", own: level == depth - 1 ? "42.42" : "0"))
        }
        let progress = RollUp.progress(of: nodes.reversed())
        #expect(progress.count == depth)
        #expect(progress["g0"] == d("42.42"))
        #expect(progress["g5000"] == d("42.42"))
    }

    @Test("a 100,000-goal tree, 50 levels deep, rolls up in well under a few seconds")
    func largeTree() {
        // 2,000 chains of 50 under one root; every chain's leaf is at 80 %, so everything is at 80.
        var nodes = [node("root")]
        nodes.reserveCapacity(100_001)
        for chain in 0..<2_000 {
            for level in 0..<50 {
                let id = "c\(chain)-\(level)"
                let parent = level == 0 ? "root" : "c\(chain)-\(level - 1)"
                nodes.append(node(id, parent: parent, weight: "1", own: level == 49 ? "80" : "0"))
            }
        }
        nodes.shuffle()
        let clock = ContinuousClock()
        var progress: [String: Decimal] = [:]
        let elapsed = clock.measure { progress = RollUp.progress(of: nodes) }
        #expect(progress.count == 100_001)
        #expect(progress["root"] == 80)
        #expect(progress["c1999-0"] == 80)
        #expect(elapsed < .seconds(10), "roll-up of 100,000 nodes took \(elapsed)")
    }

    @Test("a corrupt alignment loop terminates, and the loop is cut instead of hanging or crashing")
    func corruptLoopTerminates() {
        let progress = RollUp.progress(of: [
            node("a", parent: "c", weight: "1", own: "10"),
            node("b", parent: "a", weight: "1", own: "20"),
            node("c", parent: "b", weight: "1", own: "30"),
            node("self", parent: "self", own: "55"),
        ])
        #expect(progress.count == 4)
        #expect(progress["self"] == 55)
        for id in ["a", "b", "c"] {
            #expect(progress[id] != nil)
        }
    }

    @Test("for a repeated id the first node wins")
    func duplicateIDs() {
        let progress = RollUp.progress(of: [node("g", own: "10"), node("g", own: "90")])
        #expect(progress == ["g": 10])
    }
}
