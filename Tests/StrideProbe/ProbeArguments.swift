import Foundation

/// The probe's few arguments: a command, then `--name value` pairs and flags.
struct ProbeArguments {
    let command: String
    private let words: [String]

    init(_ arguments: ArraySlice<String>) {
        command = arguments.first ?? ""
        words = Array(arguments.dropFirst())
    }

    /// The value after `name`; exits with status 2 when it is missing.
    func value(_ name: String) -> String {
        guard let index = words.firstIndex(of: name), index + 1 < words.count else {
            FileHandle.standardError.write(Data("missing \(name)\n".utf8))
            exit(2)
        }
        return words[index + 1]
    }

    func flag(_ name: String) -> Bool { words.contains(name) }
}
