import Foundation

extension PayrollCheckpoint {
    /// Reads the checkpoint of the export in `directory`; `nil` when there is none (a first run).
    /// - Throws: ``PayrollExportError`` `invalidCheckpoint` when it cannot be read or parsed.
    static func load(from directory: String) throws -> PayrollCheckpoint? {
        let path = directory + "/" + PayrollFileName.checkpoint
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PayrollExportError(.invalidCheckpoint, message: "cannot read \(path)")
        }
        do {
            return try JSONDecoder().decode(PayrollCheckpoint.self, from: data)
        } catch {
            throw PayrollExportError(.invalidCheckpoint, message: "\(path) is not a payroll export checkpoint: \(error)")
        }
    }

    /// Replaces the checkpoint in `directory` atomically: a crash at any moment leaves either the
    /// old checkpoint or this one, complete. Writes a temporary file, fsyncs it, renames it over
    /// the checkpoint, then fsyncs the directory so the rename itself is durable.
    /// - Throws: ``PayrollExportError`` `io` naming the call that failed.
    func save(to directory: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes: [UInt8]
        do {
            bytes = Array(try encoder.encode(self))
        } catch {
            throw PayrollExportError(.io, message: "cannot encode the checkpoint: \(error)")
        }
        let temporary = directory + "/" + PayrollFileName.checkpointTemporary
        let file = try DurableFile.create(temporary)
        do {
            try file.write(bytes)
            try file.sync()
        } catch {
            file.close()
            throw error
        }
        file.close()
        try DurableFile.rename(temporary, to: directory + "/" + PayrollFileName.checkpoint)
        try DurableFile.syncDirectory(directory)
    }
}
