import Foundation
import StrideContracts
import StridePostgres
import StrideRuntime

extension GoalsCore {
    /// A page of `goalID`'s subtree that `principal` may see, breadth first, with progress rolled
    /// up by weight (over every goal below, visible or not: a roll-up reveals no individual's goal).
    ///
    /// Bounded whatever the size of the organisation: the walk reads at most
    /// ``GoalsSettings/treeScanLimit`` goals (nearest levels first), the answer holds at most
    /// `request.limit` nodes, and visibility is decided for the owners on the page by walking
    /// their manager chains up, never by loading the caller's whole reporting line.
    /// - Throws: 404 when the root does not exist or is not visible.
    public func tree(
        of goalID: String, _ request: GoalTreeRequest = GoalTreeRequest(), for principal: Principal,
        on connection: PostgresConnection
    ) async throws -> GoalTreeNodePage {
        let root = try await goal(goalID, for: principal, on: connection)
        let scanLimit = max(1, settings.treeScanLimit)
        var outline = try await goals.outline(below: root.goalID, limit: scanLimit + 1, on: connection)
        let rolledUpComplete = outline.count <= scanLimit
        if !rolledUpComplete { outline.removeLast(outline.count - scanLimit) }
        outline.sort { ($0.depth, $0.goalID) < ($1.depth, $1.goalID) }
        let rolled = RollUp.progress(of: outline.map {
            RollUpNode(
                id: $0.goalID, parentID: $0.depth == 0 ? nil : $0.parentGoalID, weight: $0.weight,
                ownProgressPercent: $0.progressPercent, status: $0.status)
        })

        // Candidates in order; owners' visibility is asked for a chunk at a time until the page is full.
        let candidates = outline.lazy.filter { node in
            node.depth <= request.depth
                && request.after.map { GoalTreeRequest.Position(depth: node.depth, goalID: node.goalID) > $0 } ?? true
        }
        var page: [GoalOutline] = []
        var known: [String: Bool] = [:]
        var iterator = candidates.makeIterator()
        var exhausted = false
        while page.count <= request.limit && !exhausted {
            var chunk: [GoalOutline] = []
            while chunk.count < max(request.limit + 1, 100), let next = iterator.next() { chunk.append(next) }
            exhausted = chunk.count < max(request.limit + 1, 100)
            let unknown = Set(chunk.filter { $0.level == .employee && known[$0.ownerID] == nil }.map(\.ownerID))
            if !unknown.isEmpty {
                let visible = try await access.visibleOwners(among: unknown, to: principal, on: connection)
                for owner in unknown { known[owner] = visible.contains(owner) }
            }
            for node in chunk where node.level != .employee || known[node.ownerID] == true {
                page.append(node)
                if page.count > request.limit { break }
            }
        }
        let more = page.count > request.limit
        if more { page.removeLast(page.count - request.limit) }
        let nextCursor = try more
            ? page.last.map { try PageCursor.encode(GoalTreeRequest.Position(depth: $0.depth, goalID: $0.goalID)) } : nil
        return GoalTreeNodePage(
            items: page.map { node in
                GoalTreeNode(
                    goalID: node.goalID, parentGoalID: node.depth == 0 ? root.definition.parentGoalID : node.parentGoalID,
                    ownerID: node.ownerID, level: node.level, title: node.title, status: node.status, weight: node.weight,
                    progressPercent: node.progressPercent, rolledUpProgressPercent: rolled[node.goalID] ?? node.progressPercent,
                    atRisk: node.atRisk, depth: node.depth)
            },
            nextCursor: nextCursor, truncated: more || !rolledUpComplete, rolledUpComplete: rolledUpComplete)
    }
}
