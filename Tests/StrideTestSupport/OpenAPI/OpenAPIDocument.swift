import Foundation

/// An OpenAPI document of `deploy/openapi/` (`goals.yaml`, `coaching.yaml`), read with
/// ``YAMLSubsetReader``, and the questions the services' OpenAPI tests ask it.
public struct OpenAPIDocument: Sendable {
    /// One operation: `GET /v1/goals/{goalID}` and its YAML.
    public struct Operation: Sendable {
        public var method: String
        public var path: String
        public var value: YAMLValue
        public var name: String { "\(method) \(path)" }

        public init(method: String, path: String, value: YAMLValue) {
            self.method = method
            self.path = path
            self.value = value
        }
    }

    /// The file's name (`goals.yaml`), for messages.
    public let name: String
    public let root: YAMLValue

    public static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// The repository's directory of OpenAPI documents, relative to its root.
    public static let directory = "deploy/openapi"

    public init(name: String, root: YAMLValue) {
        self.name = name
        self.root = root
    }

    /// Reads `deploy/openapi/<name>` from the repository the calling test is in.
    ///
    /// The repository root is the nearest directory holding `deploy/openapi/<name>` and
    /// `Package.swift`, looked for above the caller's source file (`#filePath`, symlinks resolved)
    /// and then above the current directory, so it works from any checkout and from `swift test`
    /// run anywhere inside one.
    /// - Parameters:
    ///   - name: the document's file name, `goals.yaml` (or a path below `deploy/openapi/`).
    ///   - filePath: the caller's source file; leave the default.
    /// - Throws: ``NotFound`` naming every place looked in, or the parser's ``YAMLSubsetReader/Failure``.
    public static func load(named name: String, filePath: String = #filePath) throws -> OpenAPIDocument {
        let url = try locate(named: name, filePath: filePath)
        let text = try String(contentsOf: url, encoding: .utf8)
        return OpenAPIDocument(name: name, root: try YAMLSubsetReader.parse(text, name: name))
    }

    /// The document's file: `<repository root>/deploy/openapi/<name>`.
    public static func locate(named name: String, filePath: String = #filePath) throws -> URL {
        let starts = [
            URL(fileURLWithPath: filePath).resolvingSymlinksInPath().deletingLastPathComponent(),
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath(),
        ]
        var looked: [String] = []
        for start in starts {
            var directory = start.standardizedFileURL
            while true {
                let candidate = directory.appendingPathComponent(Self.directory).appendingPathComponent(name)
                looked.append(candidate.path)
                if FileManager.default.fileExists(atPath: candidate.path),
                    FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path)
                {
                    return candidate
                }
                let parent = directory.deletingLastPathComponent().standardizedFileURL
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        throw NotFound(name: name, looked: looked)
    }

    /// No repository root with the document was found.
    public struct NotFound: Error, CustomStringConvertible {
        public var name: String
        public var looked: [String]
        public var description: String {
            "no \(OpenAPIDocument.directory)/\(name) next to a Package.swift above the test's source or the current directory; looked at: "
                + looked.joined(separator: ", ")
        }
    }

    /// Every operation under `paths`, in document order.
    public var operations: [Operation] {
        (root["paths"]?.entries ?? []).flatMap { path, item in
            item.entries.filter { Self.methods.contains($0.key) }.map {
                Operation(method: $0.key.uppercased(), path: path, value: $0.value)
            }
        }
    }

    /// `components.schemas.<name>`.
    public func schema(_ name: String) -> YAMLValue? {
        root["components"]?["schemas"]?[name]
    }

    /// The target of a local `$ref` (`#/components/schemas/Goal`), or nil when it points nowhere.
    public func target(of reference: String) -> YAMLValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var value: YAMLValue? = root
        for part in reference.dropFirst(2).split(separator: "/") {
            value = value?[part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")]
        }
        return value
    }

    /// `value` itself, or what its `$ref` points to.
    public func resolved(_ value: YAMLValue) -> YAMLValue? {
        guard let reference = value["$ref"]?.text else { return value }
        return target(of: reference)
    }

    /// The schema name a `$ref` names (`Goal` for `#/components/schemas/Goal`), if it is one.
    public static func schemaName(_ reference: String?) -> String? {
        let prefix = "#/components/schemas/"
        guard let reference, reference.hasPrefix(prefix) else { return nil }
        return String(reference.dropFirst(prefix.count))
    }

    /// The property names and the `required` list of schema `name`.
    public func fields(ofSchema name: String) -> (properties: Set<String>, required: Set<String>)? {
        guard let schema = schema(name) else { return nil }
        return (Set(schema["properties"]?.keys ?? []), Set(schema["required"]?.texts ?? []))
    }

    /// Every `$ref` anywhere below `value`.
    public static func references(in value: YAMLValue) -> [String] {
        switch value {
        case .scalar:
            return []
        case .sequence(let items):
            return items.flatMap(references(in:))
        case .mapping(let entries):
            return entries.flatMap { key, value in
                key == "$ref" ? [value.text].compactMap { $0 } : references(in: value)
            }
        }
    }

    /// The object schemas (those with `properties`) reachable from `names` through `$ref`s.
    public func objectSchemas(reachableFrom names: [String]) -> Set<String> {
        var seen: Set<String> = []
        var pending = names
        while let name = pending.popLast() {
            guard seen.insert(name).inserted, let schema = schema(name) else { continue }
            pending += Self.references(in: schema).compactMap(Self.schemaName)
        }
        return seen.filter { schema($0)?["properties"] != nil }
    }

    /// The schemas an operation's request body and responses name directly (`content.*.schema.$ref`).
    public func bodySchemas(of operation: Operation) -> (request: [String], responses: [String]) {
        func schemas(in content: YAMLValue?) -> [String] {
            (content?.entries ?? []).compactMap { Self.schemaName($0.value["schema"]?["$ref"]?.text) }
        }
        let request = operation.value["requestBody"].flatMap(resolved).map { schemas(in: $0["content"]) } ?? []
        let responses = (operation.value["responses"]?.entries ?? []).flatMap { _, response in
            resolved(response).map { schemas(in: $0["content"]) } ?? []
        }
        return (request, responses)
    }

    /// The names of an operation's `in: path` parameters (references resolved).
    public func pathParameters(of operation: Operation) -> [String] {
        (operation.value["parameters"]?.items ?? []).compactMap(resolved).compactMap { parameter in
            parameter["in"]?.text == "path" ? parameter["name"]?.text : nil
        }
    }

    /// The `{placeholders}` of a path template.
    public static func placeholders(in path: String) -> [String] {
        path.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
    }
}
