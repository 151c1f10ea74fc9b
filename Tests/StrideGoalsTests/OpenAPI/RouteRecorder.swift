import HTTPTypes
import Hummingbird
import StrideRuntime
import Synchronization

/// A router that only records what is registered on it, so a test can list the routes the code
/// really adds. Hummingbird keeps its own route table internal, but a `RouterGroup` hands every
/// route to its parent's `on(_:method:responder:)` with the full path, so a group made from this
/// recorder sees exactly what `Router` would.
final class RouteRecorder: RouterMethods, Sendable {
    typealias Context = StrideRequestContext

    /// A registered route: `GET /v1/goals/{goalID}` (Hummingbird's `:goalID` spelled as a template).
    struct Route: Hashable, Sendable, CustomStringConvertible {
        var method: String
        var path: String
        var description: String { "\(method) \(path)" }
    }

    private let recorded = Mutex<[Route]>([])

    /// Everything registered so far, in order.
    var routes: [Route] { recorded.withLock { $0 } }

    @discardableResult
    func on<Responder: HTTPResponder>(_ path: RouterPath, method: HTTPRequest.Method, responder: Responder) -> Self
    where Responder.Context == Context {
        // RouterPath's description is `/v1/goals/{goalID}`: the OpenAPI template form.
        recorded.withLock { $0.append(Route(method: method.rawValue, path: path.description)) }
        return self
    }

    func add(middleware: any MiddlewareProtocol<Request, Response, Context>) -> Self { self }
}
