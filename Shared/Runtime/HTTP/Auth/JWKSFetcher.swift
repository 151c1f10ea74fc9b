import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Downloads a JWKS document, bounded in time and size, from an `https` URL (or plain `http` on a
/// loopback host, for tests and a local identity provider).
///
/// The bound covers the whole exchange (connection, redirects, body): whichever of the response
/// and the timeout comes first ends the wait, and the transfer is cancelled. A redirect that ends
/// on an unacceptable URL is refused, since the document's origin is what vouches for the keys.
struct JWKSFetcher: Sendable {
    /// Why a fetch failed; the description is for the log.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The JWKS endpoint.
    let url: URL
    /// The bound of one fetch.
    let timeout: Duration
    /// The largest body accepted.
    let maximumSize: Int

    /// Creates a fetcher.
    /// - Throws: ``TokenVerificationError`` `.configuration` when `url` is not `https` (or `http` on a loopback host).
    init(url: URL, timeout: Duration, maximumSize: Int) throws(TokenVerificationError) {
        guard Self.isAcceptable(url) else {
            throw TokenVerificationError(
                .configuration,
                "The JWKS URL '\(url.absoluteString)' must use https (plain http only on 127.0.0.1, localhost or [::1]).")
        }
        self.url = url
        self.timeout = timeout
        self.maximumSize = maximumSize
    }

    /// Whether keys may be fetched from `url`: `https` with a host, or `http` on a loopback host.
    static func isAcceptable(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(), !host.isEmpty else { return false }
        switch scheme {
        case "https": return true
        case "http": return ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)
        default: return false
        }
    }

    /// Fetches the document.
    /// - Returns: The body of a 200 response.
    /// - Throws: ``Failure`` on a transport error, a timeout, another status, an oversized body, or
    ///   a redirect to an unacceptable URL; `CancellationError` semantics are folded into ``Failure``.
    func fetch() async throws(Failure) -> Data {
        var request = URLRequest(
            url: self.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: Self.seconds(self.timeout))
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        // The first outcome wins: the response, the timeout, or the caller's cancellation.
        let (outcomes, sink) = AsyncStream.makeStream(of: Outcome.self, bufferingPolicy: .bufferingOldest(1))
        let transfer = URLSession.shared.dataTask(with: request) { data, response, error in
            if let error {
                sink.yield(.failed("\(error.localizedDescription)"))
            } else if let response = response as? HTTPURLResponse {
                sink.yield(.received(data ?? Data(), status: response.statusCode, finalURL: response.url))
            } else {
                sink.yield(.failed("the response is not HTTP"))
            }
            sink.finish()
        }
        let timeout = self.timeout
        let timer = Task {
            guard (try? await Task.sleep(for: timeout)) != nil else { return }
            sink.yield(.timedOut)
            sink.finish()
        }
        transfer.resume()
        defer {
            timer.cancel()
            transfer.cancel()
        }
        var first: Outcome?
        for await outcome in outcomes {
            first = outcome
            break
        }
        let what = "GET \(self.url.absoluteString)"
        switch first {
        case .none:
            throw Failure(description: "\(what) was cancelled")
        case .timedOut:
            throw Failure(description: "\(what) timed out after \(timeout)")
        case .failed(let reason):
            throw Failure(description: "\(what) failed: \(reason)")
        case .received(let body, let status, let finalURL):
            if let finalURL, !Self.isAcceptable(finalURL) {
                throw Failure(description: "\(what) was redirected to '\(finalURL.absoluteString)', which is not https")
            }
            guard status == 200 else { throw Failure(description: "\(what) answered HTTP \(status)") }
            guard body.count <= self.maximumSize else {
                throw Failure(description: "\(what) answered \(body.count) bytes, more than the \(self.maximumSize) allowed")
            }
            return body
        }
    }

    private enum Outcome: Sendable {
        case received(Data, status: Int, finalURL: URL?)
        case failed(String)
        case timedOut
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
