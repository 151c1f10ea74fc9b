/// What an export has durably done: the next offset to read in each partition, and how many
/// bytes of each payroll file are committed.
///
/// It is the source of truth, not the files and not a consumer group: bytes of a file beyond its
/// committed length, and files it does not name, were written by a batch whose checkpoint never
/// made it to the disk, and are removed when the export starts again.
///
/// JSON (`.payroll-export-checkpoint.json`):
/// `{"files":[{"committed_bytes":1234,"name":"payroll-2026-04-01.csv"}],"partitions":[{"next_offset":12,"partition":0}],"topic":"stride.payroll.v1","version":1}`.
struct PayrollCheckpoint: Codable, Equatable, Sendable {
    /// The format version this code writes and reads.
    static let currentVersion = 1

    /// The topic the offsets belong to.
    var topic: String
    /// Per partition number, the next offset to read (absent: from the partition's first record).
    var offsets: [Int32: Int64] = [:]
    /// Per file name, its committed length in bytes.
    var files: [String: Int64] = [:]

    /// An empty checkpoint of `topic`: nothing read, nothing written.
    init(topic: String) {
        self.topic = topic
    }

    private struct PartitionEntry: Codable {
        var partition: Int32
        var nextOffset: Int64

        private enum CodingKeys: String, CodingKey {
            case partition
            case nextOffset = "next_offset"
        }
    }

    private struct FileEntry: Codable {
        var name: String
        var committedBytes: Int64

        private enum CodingKeys: String, CodingKey {
            case name
            case committedBytes = "committed_bytes"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case version
        case topic
        case partitions
        case files
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .version)
        guard version == Self.currentVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .version, in: container, debugDescription: "version \(version) is not \(Self.currentVersion)")
        }
        topic = try container.decode(String.self, forKey: .topic)
        for entry in try container.decode([PartitionEntry].self, forKey: .partitions) {
            offsets[entry.partition] = entry.nextOffset
        }
        for entry in try container.decode([FileEntry].self, forKey: .files) {
            guard PayrollFileName.isPayrollFile(entry.name), !entry.name.contains("/"), entry.committedBytes >= 0 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .files, in: container, debugDescription: "\"\(entry.name)\" (\(entry.committedBytes) bytes) is not a payroll file")
            }
            files[entry.name] = entry.committedBytes
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.currentVersion, forKey: .version)
        try container.encode(topic, forKey: .topic)
        try container.encode(
            offsets.sorted { $0.key < $1.key }.map { PartitionEntry(partition: $0.key, nextOffset: $0.value) }, forKey: .partitions)
        try container.encode(
            files.sorted { $0.key < $1.key }.map { FileEntry(name: $0.key, committedBytes: $0.value) }, forKey: .files)
    }
}
