import Foundation

/// Finds the role names in a verified token's payload, at the claim ``JWTConfiguration/rolesClaim`` names.
///
/// The name is looked up as a top-level claim first (so namespaced claims such as
/// `https://stride.example/roles` work although they contain dots), then as a dotted path into
/// nested objects (`realm_access.roles`, `resource_access.stride.roles`). The value may be a list
/// of strings (other elements are ignored) or one string of space-separated names (as in `scope`).
/// A token without the claim is rejected; an empty list is accepted and grants no role.
struct RolesClaim: Sendable, Equatable {
    /// The claim name or dotted path.
    let name: String

    /// The role names in `payload` (the token's second part, base64url-decoded JSON), or nil when
    /// the claim is absent or is neither a string nor a list.
    func names(inPayload payload: Data) -> [String]? {
        guard let object = try? JSONSerialization.jsonObject(with: payload) as? [String: Any] else { return nil }
        return self.names(in: object)
    }

    /// The role names in the decoded payload object, or nil when absent.
    func names(in payload: [String: Any]) -> [String]? {
        if let value = payload[self.name] { return Self.strings(value) }
        let path = self.name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard path.count > 1 else { return nil }
        var current: Any = payload
        for segment in path {
            guard let object = current as? [String: Any], let next = object[segment] else { return nil }
            current = next
        }
        return Self.strings(current)
    }

    private static func strings(_ value: Any) -> [String]? {
        if let list = value as? [Any] { return list.compactMap { $0 as? String } }
        if let text = value as? String { return text.split(whereSeparator: \.isWhitespace).map(String.init) }
        return nil
    }
}
