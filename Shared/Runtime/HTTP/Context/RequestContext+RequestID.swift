import Hummingbird
import Logging

extension RequestContext {
    /// The request id: the caller's `X-Request-Id` (set by ``RequestIDMiddleware``) or a generated one.
    /// It is in every log line of the request under the metadata key ``RequestIDMiddleware/metadataKey``.
    public var requestID: String? {
        self.logger[metadataKey: RequestIDMiddleware<Self>.metadataKey].map { "\($0)" }
    }
}
