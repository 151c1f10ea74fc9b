import NIOCore
import NIOHTTP1
import NIOPosix

/// One keep-alive HTTP/1.1 connection for the benchmarks: a request, its whole response, then
/// the next request on the same socket (no pipelining). Built on NIO, so a connection waiting
/// for its response parks no thread.
package struct BenchHTTPConnection {
    package struct Response {
        package var status: Int
        package var body: ByteBuffer

        package var text: String { String(buffer: body) }
    }

    private let host: String
    private var inbound: NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>

    /// Connects to `host:port`, runs `body` with the connection, and closes it.
    package static func with<Result>(
        host: String, port: Int, _ body: (inout BenchHTTPConnection) async throws -> Result
    ) async throws -> Result {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var connection = BenchHTTPConnection(host: "\(host):\(port)", inbound: inbound.makeAsyncIterator(), outbound: outbound)
            return try await body(&connection)
        }
    }

    /// Sends one request and reads its response to the end.
    /// - Throws: when the server closes the connection before the response ends.
    package mutating func send(
        _ method: HTTPMethod, _ path: String, headers: [(String, String)] = [], body: ByteBuffer? = nil
    ) async throws -> Response {
        var head = HTTPRequestHead(version: .http1_1, method: method, uri: path)
        head.headers.add(name: "Host", value: host)
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        var parts: [HTTPClientRequestPart] = [.head(head)]
        if let body {
            head.headers.add(name: "Content-Length", value: String(body.readableBytes))
            parts = [.head(head), .body(.byteBuffer(body))]
        }
        parts.append(.end(nil))
        try await outbound.write(contentsOf: parts)
        var status = 0
        var collected = ByteBuffer()
        while let part = try await inbound.next() {
            switch part {
            case .head(let responseHead): status = Int(responseHead.status.code)
            case .body(var chunk): collected.writeBuffer(&chunk)
            case .end: return Response(status: status, body: collected)
            }
        }
        throw BenchError("HTTP: the server closed the connection before the response to \(method) \(path) ended")
    }
}
