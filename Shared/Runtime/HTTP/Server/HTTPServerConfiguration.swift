/// Where and how a service's HTTP server listens.
public struct HTTPServerConfiguration: Sendable {
    /// Interface to bind; `0.0.0.0` for all IPv4 interfaces.
    public var host: String
    /// TCP port (`HTTP_PORT`); 0 picks a free port.
    public var port: Int
    /// `Server` response header, e.g. `stride-goals`; nil sends none.
    public var serverName: String?

    /// Creates a configuration.
    /// - Parameters:
    ///   - host: Interface to bind. Default `0.0.0.0`.
    ///   - port: TCP port. Default 8080.
    ///   - serverName: `Server` header value. Default none.
    public init(host: String = "0.0.0.0", port: Int = 8080, serverName: String? = nil) {
        self.host = host
        self.port = port
        self.serverName = serverName
    }
}
