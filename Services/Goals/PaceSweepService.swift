import Logging
import ServiceLifecycle

/// Re-assesses the pace of every open period's agreed goals at start and then every
/// `interval`, so a goal nobody updates still goes at risk as its period runs out.
struct PaceSweepService: Service {
    let core: @Sendable () throws -> GoalsCore
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let result = try await core().assessPaceOfOpenPeriods()
                logger.info("pace assessed", metadata: [
                    "goals.assessed": "\(result.assessed)", "goals.flagged": "\(result.flagged)", "goals.cleared": "\(result.cleared)",
                ])
            } catch {
                logger.warning("pace assessment failed; retrying next round", metadata: ["error": "\(error)"])
            }
            // The sleep ends early (throwing) on graceful shutdown or cancellation.
            do {
                try await cancelWhenGracefulShutdown { [interval] in try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }
}
