import Foundation

/// `deploy/openapi/goals.yaml`, read with ``YAMLSubsetReader``, and the few questions the tests ask it.
struct OpenAPIDocument: Sendable {
    /// One operation: `GET /v1/goals/{goalID}` and its YAML.
    struct Operation: Sendable {
        var method: String
        var path: String
        var value: YAMLValue
        var name: String { "\(method) \(path)" }
    }

    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    let root: YAMLValue

    /// Reads the document from the repository this file is in.
    static func load(filePath: String = #filePath) throws -> OpenAPIDocument {
        // Tests/StrideGoalsTests/OpenAPI/<this file> -> the repository root.
        var root = URL(fileURLWithPath: filePath).resolvingSymlinksInPath()
        for _ in 0..<4 { root.deleteLastPathComponent() }
        let text = try String(contentsOf: root.appendingPathComponent("deploy/openapi/goals.yaml"), encoding: .utf8)
        return OpenAPIDocument(root: try YAMLSubsetReader.parse(text))
    }

    /// Every operation under `paths`, in document order.
    var operations: [Operation] {
        (root["paths"]?.entries ?? []).flatMap { path, item in
            item.entries.filter { Self.methods.contains($0.key) }.map {
                Operation(method: $0.key.uppercased(), path: path, value: $0.value)
            }
        }
    }

    /// `components.schemas.<name>`.
    func schema(_ name: String) -> YAMLValue? {
        root["components"]?["schemas"]?[name]
    }

    /// The target of a local `$ref` (`#/components/schemas/Goal`), or nil when it points nowhere.
    func target(of reference: String) -> YAMLValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var value: YAMLValue? = root
        for part in reference.dropFirst(2).split(separator: "/") {
            value = value?[part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")]
        }
        return value
    }

    /// `value` itself, or what its `$ref` points to.
    func resolved(_ value: YAMLValue) -> YAMLValue? {
        guard let reference = value["$ref"]?.text else { return value }
        return target(of: reference)
    }

    /// The schema name a `$ref` names (`Goal` for `#/components/schemas/Goal`), if it is one.
    static func schemaName(_ reference: String?) -> String? {
        let prefix = "#/components/schemas/"
        guard let reference, reference.hasPrefix(prefix) else { return nil }
        return String(reference.dropFirst(prefix.count))
    }

    /// The property names and the `required` list of schema `name`.
    func fields(ofSchema name: String) -> (properties: Set<String>, required: Set<String>)? {
        guard let schema = schema(name) else { return nil }
        return (Set(schema["properties"]?.keys ?? []), Set(schema["required"]?.texts ?? []))
    }

    /// Every `$ref` anywhere below `value`.
    static func references(in value: YAMLValue) -> [String] {
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
    func objectSchemas(reachableFrom names: [String]) -> Set<String> {
        var seen: Set<String> = []
        var pending = names
        while let name = pending.popLast() {
            guard seen.insert(name).inserted, let schema = schema(name) else { continue }
            pending += Self.references(in: schema).compactMap(Self.schemaName)
        }
        return seen.filter { schema($0)?["properties"] != nil }
    }

    /// The schemas an operation's request body and responses name directly (`content.*.schema.$ref`).
    func bodySchemas(of operation: Operation) -> (request: [String], responses: [String]) {
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
    func pathParameters(of operation: Operation) -> [String] {
        (operation.value["parameters"]?.items ?? []).compactMap(resolved).compactMap { parameter in
            parameter["in"]?.text == "path" ? parameter["name"]?.text : nil
        }
    }

    /// The `{placeholders}` of a path template.
    static func placeholders(in path: String) -> [String] {
        path.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
    }
}
