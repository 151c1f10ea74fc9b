import Foundation
import Logging

/// The identity provider's key set from its JWKS URL, cached and refreshed as ``JWKSRefreshPolicy`` says.
///
/// Every fetch goes through ``startRefresh(now:reason:)``, which enforces the minimum interval
/// and lets concurrent callers share the fetch under way. A failed fetch keeps the keys at hand
/// (an identity provider outage does not log everyone out); when there are none yet, tokens are
/// answered 503 until a fetch succeeds.
actor RemoteJWKS {
    private let fetcher: JWKSFetcher
    private let policy: JWKSRefreshPolicy
    private let algorithms: Set<String>
    private let logger: Logger
    private let now: @Sendable () -> ContinuousClock.Instant
    /// The keys of the last successful fetch; nil until one succeeded.
    private(set) var keys: VerificationKeys?
    private var fetchedAt: ContinuousClock.Instant?
    private var lastAttempt: ContinuousClock.Instant?
    private var refresh: Task<Void, Never>?

    /// Creates the cache; nothing is fetched until asked.
    /// - Parameters:
    ///   - fetcher: Downloads the document.
    ///   - policy: Minimum interval and maximum age.
    ///   - algorithms: The algorithms tokens may use (keys for others are skipped).
    ///   - logger: Where fetches and their failures are logged.
    ///   - now: The monotonic clock; injectable for tests.
    init(
        fetcher: JWKSFetcher, policy: JWKSRefreshPolicy, algorithms: Set<String>, logger: Logger,
        now: @escaping @Sendable () -> ContinuousClock.Instant
    ) {
        self.fetcher = fetcher
        self.policy = policy
        self.algorithms = algorithms
        self.logger = logger
        self.now = now
    }

    /// The keys to verify a token naming `kid` with.
    ///
    /// When the cached set holds `kid` (or the token names none) it is returned at once, and a
    /// background refresh starts if it is older than the maximum age. Otherwise the set is fetched
    /// again — if the minimum interval allows, or a fetch is already under way — and awaited.
    /// - Returns: The freshest keys, which may still lack `kid`; nil when none were ever fetched.
    func keys(for kid: String?) async -> VerificationKeys? {
        let now = self.now()
        if let keys, kid.map(keys.keyIDs.contains) ?? true {
            if let fetchedAt, now - fetchedAt >= self.policy.maximumAge {
                self.startRefresh(now: now, reason: "maximum age")
            }
            return keys
        }
        let reason = self.keys == nil ? "no keys yet" : "unknown kid"
        guard let refresh = self.startRefresh(now: now, reason: reason) else { return self.keys }
        await refresh.value
        return self.keys
    }

    /// Fetches the set if the minimum interval allows (or joins the fetch under way) and waits for it:
    /// at start-up, and from readiness checks while there are no keys.
    func refreshIfAllowed() async {
        await self.startRefresh(now: self.now(), reason: self.keys == nil ? "no keys yet" : "requested")?.value
    }

    /// Waits for the fetch under way, if any.
    func waitForRefresh() async {
        await self.refresh?.value
    }

    /// Starts a fetch unless one is under way (then returns it) or the last began less than the
    /// minimum interval ago (then returns nil).
    @discardableResult
    private func startRefresh(now: ContinuousClock.Instant, reason: String) -> Task<Void, Never>? {
        if let refresh { return refresh }
        if let lastAttempt, now - lastAttempt < self.policy.minimumInterval { return nil }
        self.lastAttempt = now
        // Runs on this actor (the closure captures isolated `self`), after this method returns.
        let task = Task { await self.fetch(reason: reason) }
        self.refresh = task
        return task
    }

    private func fetch(reason: String) async {
        defer { self.refresh = nil }
        let metadata: Logger.Metadata = ["jwks.url": "\(self.fetcher.url.absoluteString)", "jwks.reason": "\(reason)"]
        do {
            let document = try await self.fetcher.fetch()
            let keys = try await VerificationKeys.jwks(document, algorithms: self.algorithms)
            let previous = self.keys?.keyIDs ?? []
            self.keys = keys
            self.fetchedAt = self.now()
            var details = metadata
            details["jwks.kids"] = "\(keys.keyIDs.sorted().joined(separator: ","))"
            details["jwks.skipped"] = "\(keys.skipped)"
            if previous != keys.keyIDs {
                self.logger.info("Fetched the identity provider's signing keys", metadata: details)
            } else {
                self.logger.debug("Fetched the identity provider's signing keys (unchanged)", metadata: details)
            }
        } catch {
            var details = metadata
            details["error"] = "\(error)"
            if self.keys == nil {
                self.logger.error(
                    "Could not fetch the identity provider's signing keys; requests are answered 503 until a fetch succeeds",
                    metadata: details)
            } else {
                self.logger.warning("Could not refresh the identity provider's signing keys; keeping the ones at hand", metadata: details)
            }
        }
    }
}
