import Foundation
import StrideContracts

/// Progress rolled up the goal tree (company → department → team → employee): a goal with
/// aligned children shows how far its children got, weighted, so a company goal reflects the
/// work done under it.
public enum RollUp {
    /// The rolled-up progress of every node, by id.
    ///
    /// A leaf reports its own progress. A node with children reports Σ child.weight × child's
    /// rolled-up progress / Σ child.weight over its children that are not cancelled; when every
    /// child is cancelled (or the counted weights sum to 0) it falls back to its own progress.
    /// A parent id that is not in the list is ignored (the subtree root's parent). Each node's
    /// value is rounded to 2 places before its parent uses it.
    ///
    /// - Important: Runs in O(n) without recursion, so 100,000 nodes or a chain of any depth are
    ///   safe. Corrupt input is tolerated: for a repeated id the first node wins, and an alignment
    ///   loop is cut where the walk first meets it (the looping link is ignored).
    /// - Parameter nodes: the tree or subtree, in any order.
    /// - Returns: each node's progress in percent, keyed by id.
    public static func progress(of nodes: [RollUpNode]) -> [String: Decimal] {
        // Index the nodes (first occurrence of an id wins) and their children.
        var indexByID: [String: Int] = [:]
        indexByID.reserveCapacity(nodes.count)
        var unique: [Int] = []
        unique.reserveCapacity(nodes.count)
        for (index, node) in nodes.enumerated() where indexByID[node.id] == nil {
            indexByID[node.id] = index
            unique.append(index)
        }
        var children = [[Int]](repeating: [], count: nodes.count)
        var roots: [Int] = []
        for index in unique {
            if let parentID = nodes[index].parentID, let parent = indexByID[parentID] {
                children[parent].append(index)
            } else {
                roots.append(index)
            }
        }

        // Iterative depth-first post-order. A node is finished once all its children are;
        // a child still on the stack closes a loop and is skipped.
        var marks = [Mark](repeating: .unseen, count: nodes.count)
        var rolled = [Decimal](repeating: 0, count: nodes.count)
        var stack: [(node: Int, nextChild: Int)] = []
        var result: [String: Decimal] = [:]
        result.reserveCapacity(unique.count)

        // Roots first; then anything left, which can only be part of (or hang below) a loop.
        for start in roots + unique where marks[start] == .unseen {
            marks[start] = .open
            stack.append((start, 0))
            while let top = stack.last {
                let kids = children[top.node]
                if top.nextChild < kids.count {
                    stack[stack.count - 1].nextChild += 1
                    let child = kids[top.nextChild]
                    if marks[child] == .unseen {
                        marks[child] = .open
                        stack.append((child, 0))
                    }
                    continue
                }
                stack.removeLast()
                let value = combine(node: top.node, nodes: nodes, children: kids, marks: marks, rolled: rolled)
                rolled[top.node] = value
                marks[top.node] = .done
                result[nodes[top.node].id] = value
            }
        }
        return result
    }

    /// Where the depth-first walk stands with a node.
    private enum Mark {
        case unseen, open, done
    }

    /// A node's value from its finished, non-cancelled children; a child still open is an
    /// ancestor reached through a loop and is skipped.
    private static func combine(
        node: Int, nodes: [RollUpNode], children: [Int], marks: [Mark], rolled: [Decimal]
    ) -> Decimal {
        var weightSum: Decimal = 0
        var pointSum: Decimal = 0
        for child in children where nodes[child].status != .cancelled && marks[child] == .done {
            weightSum += nodes[child].weight
            pointSum += nodes[child].weight * rolled[child]
        }
        let value = weightSum == 0 ? nodes[node].ownProgressPercent : pointSum / weightSum
        return DecimalRounding.rounded(value)
    }
}

/// One goal in a goal tree as the roll-up sees it: where it aligns, how much it weighs and its
/// own recorded progress.
public struct RollUpNode: Sendable, Equatable {
    /// The goal's id.
    public var id: String
    /// The goal it aligns to, if any.
    public var parentID: String?
    /// The goal's weight: its share among its siblings when rolled up into the parent.
    public var weight: Decimal
    /// Progress recorded on the goal itself, in percent; what a leaf reports.
    public var ownProgressPercent: Decimal
    /// The goal's status; cancelled children do not contribute to their parent.
    public var status: GoalStatus

    /// Creates a node.
    /// - Parameters:
    ///   - id: the goal's id.
    ///   - parentID: the goal it aligns to, if any.
    ///   - weight: its weight among its siblings.
    ///   - ownProgressPercent: its own recorded progress, in percent.
    ///   - status: its status.
    public init(id: String, parentID: String?, weight: Decimal, ownProgressPercent: Decimal, status: GoalStatus) {
        self.id = id
        self.parentID = parentID
        self.weight = weight
        self.ownProgressPercent = ownProgressPercent
        self.status = status
    }
}
