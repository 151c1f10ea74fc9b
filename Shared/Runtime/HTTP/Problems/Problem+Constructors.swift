import Foundation
import HTTPTypes
import Hummingbird

extension Problem {
    /// Malformed input that is not about one field: 400, type `bad-request`.
    public static func badRequest(_ detail: String, errors: [FieldError] = []) -> Problem {
        Problem(type: typeBase + "bad-request", title: "Bad request", status: .badRequest, detail: detail, errors: errors)
    }

    /// One or more invalid fields: 400, type `validation`, with `errors` listing each field.
    /// - Parameters:
    ///   - errors: The invalid fields.
    ///   - detail: Summary; defaults to the field errors joined ("field 'weight': expected a number").
    public static func validation(_ errors: [FieldError], detail: String? = nil) -> Problem {
        let summary = detail ?? errors.map { "field '\($0.field)': \($0.message)" }.joined(separator: "; ")
        return Problem(type: typeBase + "validation", title: "Validation failed", status: .badRequest, detail: summary, errors: errors)
    }

    /// A single invalid field: 400, type `validation`.
    public static func validation(field: String, _ message: String) -> Problem {
        .validation([FieldError(field: field, message: message)])
    }

    /// Missing or invalid credentials: 401 with a `WWW-Authenticate: Bearer` challenge.
    /// - Parameters:
    ///   - detail: Why, safe for clients ("The access token has expired.").
    ///   - bearerError: RFC 6750 error code (`invalid_token`) when a token was presented; nil when none was.
    public static func unauthorized(_ detail: String, bearerError: String? = nil) -> Problem {
        var challenge = #"Bearer realm="stride""#
        if let bearerError {
            let description = detail.replacingOccurrences(of: "\"", with: "'")
            challenge += #", error="\#(bearerError)", error_description="\#(description)""#
        }
        var headers = HTTPFields()
        headers[.wwwAuthenticate] = challenge
        return Problem(
            type: typeBase + "unauthorized", title: "Unauthorized", status: .unauthorized, detail: detail, headers: headers
        )
    }

    /// Authenticated but not allowed: 403, type `forbidden`.
    public static func forbidden(_ detail: String) -> Problem {
        Problem(type: typeBase + "forbidden", title: "Forbidden", status: .forbidden, detail: detail)
    }

    /// No such resource (or route): 404, type `not-found`.
    public static func notFound(_ detail: String) -> Problem {
        Problem(type: typeBase + "not-found", title: "Not found", status: .notFound, detail: detail)
    }

    /// The request conflicts with the current state (a version mismatch, a duplicate, a closed period): 409.
    public static func conflict(_ detail: String) -> Problem {
        Problem(type: typeBase + "conflict", title: "Conflict", status: .conflict, detail: detail)
    }

    /// Well-formed but breaks a business rule (weights do not sum to 100): 422, type `unprocessable`.
    public static func unprocessable(_ detail: String, errors: [FieldError] = []) -> Problem {
        Problem(
            type: typeBase + "unprocessable", title: "Unprocessable request", status: .unprocessableContent,
            detail: detail, errors: errors
        )
    }

    /// The request body is larger than allowed: 413, type `payload-too-large`.
    public static func payloadTooLarge(_ detail: String = "The request body is too large.") -> Problem {
        Problem(type: typeBase + "payload-too-large", title: "Payload too large", status: .contentTooLarge, detail: detail)
    }

    /// The body is not JSON: 415, type `unsupported-media-type`.
    public static func unsupportedMediaType(_ detail: String = "The request body must be application/json.") -> Problem {
        Problem(
            type: typeBase + "unsupported-media-type", title: "Unsupported media type", status: .unsupportedMediaType,
            detail: detail
        )
    }

    /// A dependency is not available: 503, type `unavailable`.
    public static func unavailable(_ detail: String) -> Problem {
        Problem(type: typeBase + "unavailable", title: "Service unavailable", status: .serviceUnavailable, detail: detail)
    }

    /// The database is unreachable or overloaded: 503, type `unavailable`, with `Retry-After` (seconds).
    /// Nothing was changed; the client may retry the same request (with the same `Idempotency-Key`).
    public static func databaseUnavailable(retryAfterSeconds: Int = 5) -> Problem {
        var problem = unavailable("The database is temporarily unavailable; nothing was changed. Retry later.")
        problem.headers[.retryAfter] = String(retryAfterSeconds)
        return problem
    }

    /// An unexpected failure: 500, type `internal`.
    /// - Important: The detail is sent to the client: never put the underlying error's text here.
    public static func `internal`(_ detail: String = "An unexpected error occurred. Quote the request id when reporting it.")
        -> Problem
    {
        Problem(type: typeBase + "internal", title: "Internal server error", status: .internalServerError, detail: detail)
    }
}
