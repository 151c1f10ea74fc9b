import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private development broker (Tansu, in memory) on a port of its own, for tests that stop and
/// restart the broker under a running service: a restart loses every topic, offset and producer
/// id, as a broker that lost its state does. The shared broker of the other tests is untouched.
public final class ScratchBroker: @unchecked Sendable {
    // @unchecked: `process` is only touched by start()/stop(), which a test calls from one task
    // at a time; the other stored properties are immutable.
    public let port: Int
    private let executable: String
    private var process: Process?

    /// `host:port`, for `KAFKA_BOOTSTRAP_SERVERS`.
    public var bootstrapServers: String { "127.0.0.1:\(port)" }

    /// Finds the broker `deploy/dev/setup` installed and picks a free port; call ``start()``.
    public init() throws {
        let cache = ProcessInfo.processInfo.environment["STRIDE_CACHE"]
            ?? (NSHomeDirectory() + "/.cache/stride")
        executable = cache + "/bin/tansu"
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw MissingInfrastructure(description: "no broker at \(executable): run deploy/dev/setup")
        }
        port = try Self.freePort()
    }

    deinit { process?.terminate() }

    /// Starts the broker and waits until it accepts connections.
    public func start() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        let url = "tcp://127.0.0.1:\(port)"
        process.arguments = ["broker", "--listener-url", url, "--advertised-listener-url", url]
        var environment = ProcessInfo.processInfo.environment
        for name in ["LISTENER_URL", "ADVERTISED_LISTENER_URL", "STORAGE_ENGINE", "CLUSTER_ID"] { environment[name] = nil }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        try await waitUntil("the scratch broker to accept connections on \(port)", timeout: .seconds(30)) { Self.answers(port) }
    }

    /// Kills the broker (SIGKILL: nothing is flushed, as in a crash) and waits for it to exit.
    public func kill() {
        guard let process else { return }
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    static func answers(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    /// A TCP port on 127.0.0.1 that nothing listens on right now.
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw MissingInfrastructure(description: "no free port for a scratch broker") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
