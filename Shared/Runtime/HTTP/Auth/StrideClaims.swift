import JWTKit

/// The claims of a Stride bearer token.
///
/// `{"sub": "E1001", "roles": ["employee", "manager"], "name": "Ada", "exp": …, "iat": …, "nbf": …, "iss": "stride", "aud": …}`.
/// `sub` and `exp` are required. Checks that depend on configuration (issuer, audience, clock,
/// which claim holds the roles) are made by ``TokenVerifier``, not here: an identity provider may
/// put the roles elsewhere (``JWTConfiguration/rolesClaim``), so `roles` and `name` are read
/// leniently here and a token whose `roles` is not a list of strings still decodes.
struct StrideClaims: JWTPayload, Equatable {
    var subject: SubjectClaim
    /// The `roles` claim as Stride's own ``TokenIssuer`` writes it; nil when absent or not a list of strings.
    var roles: [String]?
    var name: String?
    var expiration: ExpirationClaim
    var issuedAt: IssuedAtClaim?
    var issuer: IssuerClaim?
    var audience: AudienceClaim?
    var notBefore: NotBeforeClaim? = nil

    enum CodingKeys: String, CodingKey {
        case subject = "sub"
        case roles
        case name
        case expiration = "exp"
        case issuedAt = "iat"
        case issuer = "iss"
        case audience = "aud"
        case notBefore = "nbf"
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

extension StrideClaims {
    // In an extension, so the memberwise initializer stays.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.subject = try container.decode(SubjectClaim.self, forKey: .subject)
        self.roles = try? container.decodeIfPresent([String].self, forKey: .roles)
        self.name = try? container.decodeIfPresent(String.self, forKey: .name)
        self.expiration = try container.decode(ExpirationClaim.self, forKey: .expiration)
        self.issuedAt = try container.decodeIfPresent(IssuedAtClaim.self, forKey: .issuedAt)
        self.issuer = try container.decodeIfPresent(IssuerClaim.self, forKey: .issuer)
        self.audience = try container.decodeIfPresent(AudienceClaim.self, forKey: .audience)
        self.notBefore = try container.decodeIfPresent(NotBeforeClaim.self, forKey: .notBefore)
    }
}
