import JWTKit

/// The claims of a Stride bearer token.
///
/// `{"sub": "E1001", "roles": ["employee", "manager"], "name": "Ada", "exp": …, "iat": …, "iss": "stride", "aud": …}`.
/// `exp` is required. Checks that depend on configuration (issuer, audience, clock) are made by
/// ``TokenVerifier``, not here.
struct StrideClaims: JWTPayload, Equatable {
    var subject: SubjectClaim
    var roles: [String]
    var name: String?
    var expiration: ExpirationClaim
    var issuedAt: IssuedAtClaim?
    var issuer: IssuerClaim?
    var audience: AudienceClaim?

    enum CodingKeys: String, CodingKey {
        case subject = "sub"
        case roles
        case name
        case expiration = "exp"
        case issuedAt = "iat"
        case issuer = "iss"
        case audience = "aud"
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}

    /// The principal these claims describe; role names Stride does not know are ignored.
    var principal: Principal {
        Principal(subject: self.subject.value, roles: Set(self.roles.compactMap(Role.init(rawValue:))), name: self.name)
    }
}
