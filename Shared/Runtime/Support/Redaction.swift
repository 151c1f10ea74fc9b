/// Removes secrets from text that is shown outside the process (readiness bodies, problem
/// details): a connection URL's user information (`postgres://user:secret@host` →
/// `postgres://***@host`) and `password=…` style pairs (libpq's connection strings).
public enum Redaction {
    /// `text` with URL credentials and `password=` values replaced by `***`.
    public static func removingCredentials(from text: String) -> String {
        var result = text
        // scheme://userinfo@  →  scheme://***@
        result = result.replacing(/([A-Za-z][A-Za-z0-9+.\-]*:\/\/)[^\s\/@]+@/) { match in "\(match.output.1)***@" }
        // password=secret, password: secret, "password":"secret"
        result = result.replacing(/(?i)(pass(?:word)?["']?\s*[=:]\s*["']?)[^\s"'&,;)]+/) { match in "\(match.output.1)***" }
        return result
    }
}
