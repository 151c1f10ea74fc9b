/// When a verifier fetches its identity provider's JWKS (`JWT_JWKS_URL`) again.
///
/// The set is fetched at start, when a token names a key (`kid`) the cached set does not hold —
/// the provider rotated its keys — and when the cached set is older than ``maximumAge`` (then in
/// the background: the request is verified with the keys at hand, so a removed key stops working
/// shortly after). Fetches are never closer together than ``minimumInterval``, so tokens with
/// made-up `kid`s cannot make the service hammer the provider; concurrent requests share one fetch.
public struct JWKSRefreshPolicy: Sendable, Equatable {
    /// The least time between two fetches, whatever triggers them (`JWT_JWKS_MIN_REFRESH_SECONDS`,
    /// default 30 s). A key the provider publishes within this time of the last fetch is picked up
    /// once it has passed.
    public var minimumInterval: Duration
    /// How long a fetched set is used before it is fetched again (`JWT_JWKS_MAX_AGE_SECONDS`, default 1 hour).
    public var maximumAge: Duration
    /// The bound of one fetch, connection to last byte (`JWT_JWKS_TIMEOUT_SECONDS`, default 5 s).
    public var timeout: Duration
    /// The largest document accepted, in bytes (default 1 MiB).
    public var maximumDocumentSize: Int

    /// Creates a policy.
    /// - Parameters:
    ///   - minimumInterval: Least time between two fetches.
    ///   - maximumAge: Age after which the set is fetched again.
    ///   - timeout: Bound of one fetch.
    ///   - maximumDocumentSize: Largest document accepted, in bytes.
    public init(
        minimumInterval: Duration = .seconds(30), maximumAge: Duration = .seconds(3600), timeout: Duration = .seconds(5),
        maximumDocumentSize: Int = 1 << 20
    ) {
        self.minimumInterval = minimumInterval
        self.maximumAge = maximumAge
        self.timeout = timeout
        self.maximumDocumentSize = maximumDocumentSize
    }
}
