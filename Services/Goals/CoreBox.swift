import Synchronization
import StrideRuntime

/// Hands the core, made once the runtime has built the environment, to the inbox handlers that
/// were declared before it existed.
final class CoreBox: Sendable {
    private let value = Mutex<GoalsCore?>(nil)

    func set(_ core: GoalsCore) {
        value.withLock { $0 = core }
    }

    /// - Throws: when a handler runs before the routes were registered (a wiring bug).
    func core() throws -> GoalsCore {
        guard let core = value.withLock({ $0 }) else { throw CoreNotReady() }
        return core
    }

    struct CoreNotReady: Error, CustomStringConvertible {
        var description: String { "goals: an event arrived before the service finished starting" }
    }
}
