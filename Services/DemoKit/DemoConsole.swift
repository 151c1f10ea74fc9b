import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The demo's standard output. On a terminal it keeps a live footer (the event stream) under
/// the narration and redraws it as events arrive; elsewhere (a pipe, a CI log) it prints only
/// the narration and the footer is left out.
package final class DemoConsole: Sendable {
    /// Whether standard output is a terminal, so the footer can be redrawn in place.
    package let isLive: Bool
    private let width: Int
    private let state = Mutex(Footer())

    private struct Footer {
        package var lines: [String] = []
        package var shown = 0
    }

    package init() {
        isLive = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        width = Self.terminalWidth()
    }

    /// Prints lines of narration above the footer.
    package func say(_ lines: String...) {
        state.withLock { footer in
            var out = erase(&footer)
            for line in lines { out += line + "\n" }
            out += draw(footer)
            footer.shown = isLive ? footer.lines.count : 0
            write(out)
        }
    }

    /// A numbered section heading.
    package func section(_ title: String) {
        say("", title)
    }

    /// Replaces the footer (on a terminal; otherwise nothing happens).
    package func footer(_ lines: [String]) {
        guard isLive else { return }
        state.withLock { footer in
            var out = erase(&footer)
            footer.lines = lines.map { String($0.prefix(width - 1)) }
            out += draw(footer)
            footer.shown = footer.lines.count
            write(out)
        }
    }

    /// Removes the footer for good.
    package func clearFooter() {
        guard isLive else { return }
        state.withLock { footer in
            let out = erase(&footer)
            footer.lines = []
            write(out)
        }
    }

    /// The escape sequence that removes the footer as drawn: up to its first line, clear below.
    private func erase(_ footer: inout Footer) -> String {
        defer { footer.shown = 0 }
        return isLive && footer.shown > 0 ? "\u{1B}[\(footer.shown)F\u{1B}[J" : ""
    }

    private func draw(_ footer: Footer) -> String {
        isLive && !footer.lines.isEmpty ? "\u{1B}[2m" + footer.lines.joined(separator: "\n") + "\u{1B}[0m\n" : ""
    }

    private func write(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    private static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 100
    }
}
