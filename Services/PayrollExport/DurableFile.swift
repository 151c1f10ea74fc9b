#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file of the output directory, with the few POSIX calls durability needs: append,
/// `fsync`, `ftruncate`. It owns its descriptor: call ``close()`` once when done.
///
/// Every failure becomes a ``PayrollExportError`` (`io`) naming the call, the path and `errno`'s text.
struct DurableFile {
    let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// Opens `path` to append to it, creating it (mode 0644) when it does not exist.
    static func openForAppending(_ path: String) throws -> DurableFile {
        try open(path, flags: O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC)
    }

    /// Opens `path` for writing, creating it or emptying it.
    static func create(_ path: String) throws -> DurableFile {
        try open(path, flags: O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC)
    }

    /// Opens an existing `path` for writing, without changing it.
    static func openForWriting(_ path: String) throws -> DurableFile {
        try open(path, flags: O_WRONLY | O_CLOEXEC)
    }

    private static func open(_ path: String, flags: Int32) throws -> DurableFile {
        let descriptor = retryingInterrupts { posixOpen(path, flags, 0o644) }
        guard descriptor >= 0 else { throw failure("open", path) }
        return DurableFile(path: path, descriptor: descriptor)
    }

    /// Writes all of `bytes` (at the end, for a file opened to append), however many calls it takes.
    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let result = retryingInterrupts { posixWrite(descriptor, buffer.baseAddress! + written, buffer.count - written) }
                guard result > 0 else { throw Self.failure("write", path) }
                written += result
            }
        }
    }

    /// Flushes the file's data and size to the disk (`fsync`).
    func sync() throws {
        guard retryingInterrupts({ fsync(descriptor) }) == 0 else { throw Self.failure("fsync", path) }
    }

    /// Cuts the file to `length` bytes.
    func truncate(to length: Int64) throws {
        guard retryingInterrupts({ ftruncate(descriptor, off_t(length)) }) == 0 else { throw Self.failure("ftruncate", path) }
    }

    /// The file's current length.
    func length() throws -> Int64 {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Self.failure("fstat", path) }
        return Int64(info.st_size)
    }

    /// Closes the descriptor (a close error changes nothing that `fsync` did not already report).
    func close() {
        _ = posixClose(descriptor)
    }

    /// Opens (creating) `path` and takes an exclusive `flock` on it without waiting; `nil` when
    /// another open file holds it. The lock lasts until ``close()`` or the process ends, however
    /// it ends.
    static func lockExclusively(_ path: String) throws -> DurableFile? {
        let file = try open(path, flags: O_RDWR | O_CREAT | O_CLOEXEC)
        guard retryingInterrupts({ flock(file.descriptor, LOCK_EX | LOCK_NB) }) == 0 else {
            let code = errno
            file.close()
            if code == EWOULDBLOCK { return nil }
            errno = code
            throw failure("flock", path)
        }
        return file
    }

    /// Flushes a directory's entries (files created, renamed or deleted in it) to the disk.
    static func syncDirectory(_ path: String) throws {
        let descriptor = retryingInterrupts { posixOpen(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0) }
        guard descriptor >= 0 else { throw failure("open", path) }
        defer { _ = posixClose(descriptor) }
        guard retryingInterrupts({ fsync(descriptor) }) == 0 else { throw failure("fsync", path) }
    }

    /// Renames `source` to `destination` in one step, replacing `destination`.
    static func rename(_ source: String, to destination: String) throws {
        guard posixRename(source, destination) == 0 else { throw failure("rename", "\(source) -> \(destination)") }
    }

    /// The `io` error of a failed call, with `errno`'s text.
    static func failure(_ call: String, _ path: String) -> PayrollExportError {
        let code = errno
        return PayrollExportError(.io, message: "\(call) \(path) failed: \(String(cString: strerror(code))) (errno \(code))")
    }
}

/// Runs a system call again while it fails with `EINTR`.
private func retryingInterrupts<T: FixedWidthInteger>(_ call: () -> T) -> T {
    while true {
        let result = call()
        if result == -1, errno == EINTR { continue }
        return result
    }
}

// The C calls under names that do not clash with the methods above.
private func posixOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(descriptor, bytes, count) }
private func posixClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func posixRename(_ source: String, _ destination: String) -> Int32 { rename(source, destination) }
