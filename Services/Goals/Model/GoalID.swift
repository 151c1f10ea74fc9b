import Foundation
import StrideRuntime

/// Identifiers the goals service mints: the runtime's UUID version 7 text (``TimeOrderedID``), so
/// ids sort by creation time and a keyset page over them lists goals oldest first.
public enum GoalsIdentifier {
    /// A new time-ordered id, e.g. `0193f1c2-7a4e-7b21-9c3d-5e6f7a8b9c0d`: ``TimeOrderedID/make(now:)``.
    public static func make(now: Date = Date()) -> String {
        TimeOrderedID.make(now: now)
    }
}
