import Hummingbird
import StrideRuntime

/// Service tokens read coaching records (an integration reads timelines, team boards and
/// check-ins) and write none: feedback, check-ins, 1:1s, evidence and plans are written by
/// people. A request other than `GET` or `HEAD` from a token that carries no person's role
/// (employee, manager, HR, admin) gets 403 before any route runs.
struct ServiceTokensReadOnly: RouterMiddleware {
    typealias Context = StrideRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method != .get, request.method != .head, let principal = context.principal, principal.isService,
            !principal.hasAny(of: [.employee, .manager, .hr, .admin])
        {
            throw Problem.forbidden("Service tokens read coaching records; they write nothing here.")
        }
        return try await next(request, context)
    }
}
