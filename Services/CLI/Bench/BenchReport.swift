import Foundation

/// The figures of one `stride bench` run, printed as a table next to their raw ceilings.
struct BenchReport {
    struct Line {
        var name: String
        var figure: Double
        var unit: String
        var ceiling: Double?
        var ceilingName: String?
        var target: String?

        var ratio: Double? { ceiling.map { figure / $0 } }
    }

    private(set) var lines: [Line] = []

    mutating func add(_ name: String, _ figure: Double, _ unit: String, ceiling: Double? = nil, ceilingName: String? = nil, target: String? = nil) {
        let line = Line(name: name, figure: figure, unit: unit, ceiling: ceiling, ceilingName: ceilingName, target: target)
        lines.append(line)
        print(Self.format(line))
    }

    /// A Markdown table of every line, for README.md.
    var markdown: String {
        var text = "| measurement | figure | raw ceiling (same run) | ratio | target |\n|---|---|---|---|---|\n"
        for line in lines {
            let ceiling = line.ceiling.map { "\(Self.number($0)) \(line.unit) (\(line.ceilingName ?? "raw"))" } ?? "—"
            let ratio = line.ratio.map { String(format: "%.0f%%", $0 * 100) } ?? "—"
            text += "| \(line.name) | \(Self.number(line.figure)) \(line.unit) | \(ceiling) | \(ratio) | \(line.target ?? "—") |\n"
        }
        return text
    }

    static func format(_ line: Line) -> String {
        var text = "\(line.name.count < 44 ? line.name.padding(toLength: 44, withPad: " ", startingAt: 0) : line.name) \(number(line.figure)) \(line.unit)"
        if let ceiling = line.ceiling, let ratio = line.ratio {
            text += "   raw \(number(ceiling)) \(line.unit)   ratio \(String(format: "%.0f%%", ratio * 100))"
        }
        if let target = line.target { text += "   (target \(target))" }
        return text
    }

    static func number(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : String(format: "%.2f", value)
    }
}
