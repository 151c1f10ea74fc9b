import Foundation

/// A YAML value as the OpenAPI tests read it: every scalar is text (typing is not needed to compare
/// names, lists and `$ref`s).
public enum YAMLValue: Sendable {
    case scalar(String)
    case mapping([(key: String, value: YAMLValue)])
    case sequence([YAMLValue])

    /// The value of `key` in a mapping; nil for a missing key or a non-mapping.
    public subscript(key: String) -> YAMLValue? {
        guard case .mapping(let entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// A mapping's entries in document order (empty for anything else).
    public var entries: [(key: String, value: YAMLValue)] {
        if case .mapping(let entries) = self { return entries }
        return []
    }

    /// A mapping's keys in document order.
    public var keys: [String] { entries.map(\.key) }

    /// A sequence's items (empty for anything else).
    public var items: [YAMLValue] {
        if case .sequence(let items) = self { return items }
        return []
    }

    /// A scalar's text.
    public var text: String? {
        if case .scalar(let text) = self { return text }
        return nil
    }

    /// A sequence of scalars as text (`[a, b]` or a block list of scalars).
    public var texts: [String] { items.compactMap(\.text) }
}

/// Reads the block-style subset of YAML that the documents in `deploy/openapi/` are written in: mappings and
/// sequences by indentation (spaces only), plain, single- and double-quoted scalars, `|`/`>` block
/// scalars, flat flow lists of scalars (`[a, 'b']`), and flow mappings kept as their raw text (the
/// examples are one-line JSON). Comments on their own line. No anchors, aliases, tags or documents.
///
/// It is deliberately strict: anything outside the subset, a tab, an odd indentation or a duplicate
/// key throws, naming the line, so the document cannot silently be misread.
public struct YAMLSubsetReader {
    /// Where and why a document is outside the subset.
    public struct Failure: Error, CustomStringConvertible {
        /// The document's name (`coaching.yaml`), when the caller gave one.
        public var document: String = ""
        public var line: Int
        public var message: String
        public var description: String { "\(document.isEmpty ? "" : document + " ")line \(line): \(message)" }

        init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    private struct Line {
        var number: Int
        var indent: Int
        var text: Substring
    }

    private var lines: [Line]
    private var index = 0

    /// Parses a whole document; its top level must be a mapping.
    /// - Parameters:
    ///   - document: the YAML text.
    ///   - name: the document's name for error messages (`goals.yaml`).
    public static func parse(_ document: String, name: String = "") throws -> YAMLValue {
        do {
            return try parseDocument(document)
        } catch var failure as Failure {
            failure.document = name
            throw failure
        }
    }

    private static func parseDocument(_ document: String) throws -> YAMLValue {
        var reader = try YAMLSubsetReader(document)
        let value = try reader.node(deeperThan: -1)
        reader.skipBlankAndComments()
        if reader.index < reader.lines.count {
            throw reader.failure("unexpected content after the document")
        }
        return value
    }

    private init(_ document: String) throws {
        lines = try document.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { offset, raw in
            var raw = raw
            while raw.last == " " || raw.last == "\r" { raw = raw.dropLast() }
            let text = raw.drop { $0 == " " }
            if text.first == "\t" { throw Failure(line: offset + 1, message: "tabs are not allowed in indentation") }
            return Line(number: offset + 1, indent: raw.count - text.count, text: text)
        }
    }

    private func failure(_ message: String) -> Failure {
        Failure(line: index < lines.count ? lines[index].number : lines.count, message: message)
    }

    private mutating func skipBlankAndComments() {
        while index < lines.count, lines[index].text.isEmpty || lines[index].text.first == "#" { index += 1 }
    }

    private static func isSequenceItem(_ text: Substring) -> Bool {
        text == "-" || text.hasPrefix("- ")
    }

    /// The block that starts on the next line, if it is indented more than `parent`; an empty
    /// scalar when there is none.
    private mutating func node(deeperThan parent: Int) throws -> YAMLValue {
        skipBlankAndComments()
        guard index < lines.count, lines[index].indent > parent else { return .scalar("") }
        let line = lines[index]
        return Self.isSequenceItem(line.text) ? try sequence(at: line.indent) : try mapping(at: line.indent)
    }

    private mutating func mapping(at indent: Int) throws -> YAMLValue {
        var entries: [(key: String, value: YAMLValue)] = []
        while true {
            skipBlankAndComments()
            guard index < lines.count, lines[index].indent >= indent else { break }
            let line = lines[index]
            guard line.indent == indent else { throw failure("unexpected indentation (expected \(indent) spaces)") }
            guard !Self.isSequenceItem(line.text) else { throw failure("a list item where a key was expected") }
            guard let (key, rest) = try Self.splitEntry(line.text) else { throw failure("expected `key: value`") }
            guard !entries.contains(where: { $0.key == key }) else { throw failure("duplicate key \(key)") }
            index += 1
            let value: YAMLValue
            if rest.isEmpty {
                skipBlankAndComments()
                if index < lines.count, lines[index].indent == indent, Self.isSequenceItem(lines[index].text) {
                    value = try sequence(at: indent)
                } else {
                    value = try node(deeperThan: indent)
                }
            } else {
                value = try inline(rest, parent: indent, line: line.number)
            }
            entries.append((key, value))
        }
        return .mapping(entries)
    }

    private mutating func sequence(at indent: Int) throws -> YAMLValue {
        var items: [YAMLValue] = []
        while true {
            skipBlankAndComments()
            guard index < lines.count, lines[index].indent == indent, Self.isSequenceItem(lines[index].text) else {
                if index < lines.count, lines[index].indent > indent { throw failure("unexpected indentation in a list") }
                break
            }
            let line = lines[index]
            let rest = line.text.dropFirst().drop { $0 == " " }
            if rest.isEmpty {
                index += 1
                items.append(try node(deeperThan: indent))
            } else if !"[{'\"".contains(rest.first!), try Self.splitEntry(rest) != nil {
                // `- key: value` opens a mapping whose keys line up with `key`.
                lines[index] = Line(number: line.number, indent: indent + (line.text.count - rest.count), text: rest)
                items.append(try mapping(at: lines[index].indent))
            } else {
                index += 1
                items.append(try inline(rest, parent: indent, line: line.number))
            }
        }
        return .sequence(items)
    }

    /// A value written after `key: ` or `- ` on line `line`.
    private mutating func inline(_ text: Substring, parent: Int, line: Int) throws -> YAMLValue {
        func failure(_ message: String) -> Failure { Failure(line: line, message: message) }
        switch text.first! {
        case "|", ">":
            guard ["|", "|-", "|+", ">", ">-", ">+"].contains(text) else { throw failure("unsupported block scalar header \(text)") }
            return .scalar(blockScalar(parent: parent, folded: text.first == ">"))
        case "[":
            guard text.last == "]" else { throw failure("a flow list must end on its line") }
            let inner = text.dropFirst().dropLast()
            guard !inner.contains(where: { "[]{}".contains($0) }) else { throw failure("nested flow collections are not supported") }
            return .sequence(try Self.splitFlowItems(inner).map { .scalar(try Self.scalar($0, line: line)) })
        case "{":
            guard text.last == "}" else { throw failure("a flow mapping must end on its line") }
            return .scalar(String(text))
        case "&", "*", "!":
            throw failure("anchors, aliases and tags are not supported")
        default:
            return .scalar(try Self.scalar(text, line: line))
        }
    }

    /// The lines of a `|` or `>` scalar: every following line indented more than `parent` (and blank lines).
    private mutating func blockScalar(parent: Int, folded: Bool) -> String {
        var content: [Substring] = []
        while index < lines.count, lines[index].text.isEmpty || lines[index].indent > parent {
            content.append(lines[index].text)
            index += 1
        }
        while content.last?.isEmpty == true { content.removeLast() }
        return content.joined(separator: folded ? " " : "\n")
    }

    /// `key: rest` (rest possibly empty), or nil when the text is not a mapping entry.
    private static func splitEntry(_ text: Substring) throws -> (String, Substring)? {
        if let quote = text.first, quote == "'" || quote == "\"" {
            guard let close = closingQuote(in: text) else { return nil }
            let after = text[text.index(after: close)...]
            guard after.first == ":", after.count == 1 || after.dropFirst().first == " " else { return nil }
            return (try scalar(text[...close], line: 0), after.dropFirst().drop { $0 == " " })
        }
        var position = text.startIndex
        while let colon = text[position...].firstIndex(of: ":") {
            let next = text.index(after: colon)
            if next == text.endIndex || text[next] == " " {
                return (String(text[..<colon]), text[next...].drop { $0 == " " })
            }
            position = next
        }
        return nil
    }

    /// The index of the quote that closes the quoted scalar `text` starts with.
    private static func closingQuote(in text: Substring) -> Substring.Index? {
        let quote = text.first!
        var position = text.index(after: text.startIndex)
        while position < text.endIndex {
            let character = text[position]
            if quote == "\"", character == "\\" {
                position = text.index(position, offsetBy: 2, limitedBy: text.endIndex) ?? text.endIndex
                continue
            }
            if character == quote {
                let next = text.index(after: position)
                if quote == "'", next < text.endIndex, text[next] == "'" {
                    position = text.index(after: next)
                    continue
                }
                return position
            }
            position = text.index(after: position)
        }
        return nil
    }

    /// A plain or quoted scalar's text.
    private static func scalar(_ text: Substring, line: Int) throws -> String {
        guard let quote = text.first, quote == "'" || quote == "\"" else {
            if let comment = text.range(of: " #") { return String(text[..<comment.lowerBound]) }
            return String(text)
        }
        guard let close = closingQuote(in: text), text.index(after: close) == text.endIndex else {
            throw Failure(line: line, message: "unterminated or trailing text after quoted scalar \(text)")
        }
        let inner = text[text.index(after: text.startIndex)..<close]
        if quote == "'" { return inner.replacingOccurrences(of: "''", with: "'") }
        var result = ""
        var escaped = false
        for character in inner {
            if escaped {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The items of a flat flow list, split on commas outside quotes.
    private static func splitFlowItems(_ inner: Substring) -> [Substring] {
        var items: [Substring] = []
        var start = inner.startIndex
        var quote: Character?
        for position in inner.indices {
            let character = inner[position]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "," {
                items.append(inner[start..<position])
                start = inner.index(after: position)
            }
        }
        items.append(inner[start...])
        let trimmed = items.map { item in
            var item = item.drop { $0 == " " }
            while item.last == " " { item = item.dropLast() }
            return item
        }
        return trimmed == [""] ? [] : trimmed
    }
}
