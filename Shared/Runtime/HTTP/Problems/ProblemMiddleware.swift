import Foundation
import Hummingbird
import Logging
import StridePostgres

/// Turns every error thrown further down the chain into an `application/problem+json` response.
///
/// - ``Problem``: sent as is.
/// - Hummingbird's `HTTPError`: its status, its message as the detail, its headers kept.
/// - Any other `HTTPResponseError` (e.g. a too-large body): its status as a problem.
/// - `DecodingError`: 400 naming the field (``Problem/decoding(_:)``).
/// - A ``RuleViolation`` from a service's domain: 409, 422 or 400 by its kind (``Problem/rule(_:)``).
/// - A `PostgresError` that says the database is unavailable: 503 with `Retry-After`, never 500.
/// - Anything else: 500 with a generic detail. The real error is logged with the request id and
///   never sent to the client.
///
/// Every problem gets `instance` (the request path) and `request_id`. Add it to the router (not to a
/// group) so it also covers unknown routes (404).
public struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Creates the middleware.
    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var problem = Self.problem(for: error, request: request, context: context)
            problem.instance = problem.instance ?? request.uri.path
            problem.requestID = problem.requestID ?? context.requestID
            return try problem.response(from: request, context: context)
        }
    }

    /// Maps an error to the problem sent to the client, logging unexpected ones.
    static func problem(for error: any Error, request: Request, context: Context) -> Problem {
        switch error {
        case let problem as Problem:
            if problem.status.code >= 500 {
                context.logger.error("Request failed", metadata: ["http.problem": "\(problem)"])
            }
            return problem
        case let httpError as HTTPError:
            return Self.problem(for: httpError, request: request)
        case let decodingError as DecodingError:
            return Problem.decoding(decodingError)
        case let violation as any RuleViolation:
            return .rule(violation)
        case let databaseError as PostgresError where databaseError.isUnavailable:
            context.logger.warning("Database unavailable", metadata: ["error": "\(databaseError)"])
            return .databaseUnavailable()
        case let responseError as any HTTPResponseError:
            if responseError.status == .contentTooLarge {
                return .payloadTooLarge("The request body exceeds the limit of \(context.maxUploadSize) bytes.")
            }
            return Problem(status: responseError.status)
        default:
            context.logger.error(
                "Unhandled error while handling request",
                metadata: [
                    "error.type": "\(String(reflecting: type(of: error)))",
                    "error.message": "\(String(reflecting: error))",
                    "http.method": "\(request.method.rawValue)",
                    "http.path": "\(request.uri.path)",
                ]
            )
            return .internal()
        }
    }

    private static func problem(for error: HTTPError, request: Request) -> Problem {
        var problem: Problem
        switch error.status {
        case .notFound:
            problem = .notFound(error.body ?? "No resource at \(request.method.rawValue) \(request.uri.path).")
        case .contentTooLarge:
            problem = .payloadTooLarge(error.body ?? "The request body is too large.")
        case .unauthorized:
            problem = .unauthorized(error.body ?? "Authentication is required.")
        default:
            problem = Problem(status: error.status, detail: error.body)
        }
        problem.headers.append(contentsOf: error.headers)
        return problem
    }
}
