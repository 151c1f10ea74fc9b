import HTTPTypes
import Hummingbird
import StrideRuntime
import Synchronization

/// A router that only records what is registered on it, so a test can list the routes the code
/// really adds. Hummingbird keeps its own route table internal, but a `RouterGroup` hands every
/// route to its parent's `on(_:method:responder:)` with the full path, so a group made from this
/// recorder sees exactly what `Router` would.
public final class RouteRecorder: RouterMethods, Sendable {
    public typealias Context = StrideRequestContext

    /// A registered route: `GET /v1/goals/{goalID}` (Hummingbird's `:goalID` spelled as a template).
    public struct Route: Hashable, Sendable, CustomStringConvertible {
        public var method: String
        public var path: String
        public var description: String { "\(method) \(path)" }

        public init(method: String, path: String) {
            self.method = method
            self.path = path
        }
    }

    private let recorded = Mutex<[Route]>([])

    public init() {}

    /// Everything registered so far, in order.
    public var routes: [Route] { recorded.withLock { $0 } }

    @discardableResult
    public func on<Responder: HTTPResponder>(_ path: RouterPath, method: HTTPRequest.Method, responder: Responder) -> Self
    where Responder.Context == Context {
        // RouterPath's description is `/v1/goals/{goalID}`: the OpenAPI template form.
        recorded.withLock { $0.append(Route(method: method.rawValue, path: path.description)) }
        return self
    }

    public func add(middleware: any MiddlewareProtocol<Request, Response, Context>) -> Self { self }
}
