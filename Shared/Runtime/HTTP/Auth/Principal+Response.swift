import Hummingbird

/// A principal can be returned from a route (e.g. `GET /me`) and is encoded as JSON.
extension Principal: ResponseEncodable {}
