/// Looks up CloudEvents headers by name, rejecting duplicates of the headers Stride reads.
struct HeaderReader {
    private var values: [String: String] = [:]

    private static let known: Set<String> = [
        EventHeader.specVersionName, EventHeader.idName, EventHeader.sourceName, EventHeader.typeName,
        EventHeader.timeName, EventHeader.subjectName, EventHeader.contentTypeName, EventHeader.traceparentName,
    ]

    init(_ headers: [EventHeader]) throws {
        for header in headers {
            let name = header.name.lowercased() == EventHeader.contentTypeName ? EventHeader.contentTypeName : header.name
            guard HeaderReader.known.contains(name) else { continue }
            guard values[name] == nil else {
                throw ContractError(.invalidHeader, header: name, message: "header \(name) appears more than once")
            }
            values[name] = header.value
        }
    }

    func optional(_ name: String) -> String? {
        values[name]
    }

    func required(_ name: String) throws -> String {
        guard let value = values[name] else {
            throw ContractError(.missingHeader, header: name, message: "required header \(name) is missing")
        }
        guard !value.isEmpty else {
            throw ContractError(.invalidHeader, header: name, message: "header \(name) is empty")
        }
        return value
    }
}
