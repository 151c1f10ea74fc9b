import Foundation

/// One schema change: a version, a name and the SQL to run (several statements allowed).
///
/// The SQL runs with `search_path` set to the service's schema, so it uses unqualified names.
/// Once applied, a migration must never change: ``PostgresMigrator`` compares ``checksum``.
public struct PostgresMigration: Sendable, Hashable {
    /// Orders migrations; each version is applied once.
    public var version: Int
    /// A short description (`create_goals`).
    public var name: String
    /// The statements to run.
    public var sql: String

    /// Creates a migration.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// The lowercase hex MD5 of the SQL's UTF-8 bytes, recorded when the migration is applied.
    public var checksum: String { MD5.hex(Array(sql.utf8)) }

    /// Loads every `NNNN_name.sql` file in `directory`, sorted by version.
    /// - Parameter directory: a folder of files such as `0001_create_goals.sql`; other files are ignored.
    /// - Throws: ``PostgresError/Code/migration`` when the folder cannot be read, a file is not
    ///   UTF-8, or two files share a version.
    public static func load(directory: URL) throws -> [PostgresMigration] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw PostgresError(code: .migration, message: "cannot read migrations folder \(directory.path): \(error.localizedDescription)")
        }
        var migrations: [PostgresMigration] = []
        for file in names.sorted() where file.hasSuffix(".sql") {
            let stem = file.dropLast(4)
            guard let underscore = stem.firstIndex(of: "_"), let version = Int(stem[..<underscore]),
                !stem[stem.index(after: underscore)...].isEmpty
            else { continue }
            let url = directory.appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: url.path), let sql = String(data: data, encoding: .utf8) else {
                throw PostgresError(code: .migration, message: "migration \(file) is unreadable or not UTF-8")
            }
            if let clash = migrations.first(where: { $0.version == version }) {
                throw PostgresError(code: .migration, message: "migrations \(clash.version)_\(clash.name).sql and \(file) share version \(version)")
            }
            migrations.append(PostgresMigration(version: version, name: String(stem[stem.index(after: underscore)...]), sql: sql))
        }
        return migrations.sorted { $0.version < $1.version }
    }
}
