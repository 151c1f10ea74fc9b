/// Looks up CloudEvents headers by name, rejecting duplicates of the headers Stride reads.
struct HeaderReader {
    /// The known headers' values, by ``slot(of:)`` (every record is read here: no dictionary).
    private var values: [String?] = Array(repeating: nil, count: 8)

    /// Where a known header's value is kept; `nil` for other headers. `content-type` is matched
    /// without regard to case.
    private static func slot(of name: String) -> Int? {
        switch name {
        case EventHeader.specVersionName: 0
        case EventHeader.idName: 1
        case EventHeader.sourceName: 2
        case EventHeader.typeName: 3
        case EventHeader.timeName: 4
        case EventHeader.subjectName: 5
        case EventHeader.contentTypeName: 6
        case EventHeader.traceparentName: 7
        default: name.utf8.count == EventHeader.contentTypeName.utf8.count && name.lowercased() == EventHeader.contentTypeName ? 6 : nil
        }
    }

    init(_ headers: [EventHeader]) throws {
        for header in headers {
            guard let slot = Self.slot(of: header.name) else { continue }
            let name = slot == 6 ? EventHeader.contentTypeName : header.name
            guard values[slot] == nil else {
                throw ContractError(.invalidHeader, header: name, message: "header \(name) appears more than once")
            }
            values[slot] = header.value
        }
    }

    func optional(_ name: String) -> String? {
        Self.slot(of: name).flatMap { values[$0] }
    }

    func required(_ name: String) throws -> String {
        guard let value = optional(name) else {
            throw ContractError(.missingHeader, header: name, message: "required header \(name) is missing")
        }
        guard !value.isEmpty else {
            throw ContractError(.invalidHeader, header: name, message: "header \(name) is empty")
        }
        return value
    }
}
