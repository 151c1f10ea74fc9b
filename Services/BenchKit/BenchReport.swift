import Foundation

/// The figures of one `stride-bench` run, printed as a table next to their raw ceilings.
package struct BenchReport {
    package struct Line {
        package var name: String
        package var figure: Double
        package var unit: String
        package var ceiling: Double?
        package var ceilingName: String?
        package var target: String?

        package var ratio: Double? { ceiling.map { figure / $0 } }
    }

    package private(set) var lines: [Line] = []

    package init() {}

    package mutating func add(_ name: String, _ figure: Double, _ unit: String, ceiling: Double? = nil, ceilingName: String? = nil, target: String? = nil) {
        let line = Line(name: name, figure: figure, unit: unit, ceiling: ceiling, ceilingName: ceilingName, target: target)
        lines.append(line)
        print(Self.format(line))
    }

    /// A Markdown table of every line, for README.md.
    package var markdown: String {
        var text = "| measurement | figure | raw ceiling (same run) | ratio | target |\n|---|---|---|---|---|\n"
        for line in lines {
            let ceiling = line.ceiling.map { "\(Self.number($0)) \(line.unit) (\(line.ceilingName ?? "raw"))" } ?? "—"
            let ratio = line.ratio.map { String(format: "%.0f%%", $0 * 100) } ?? "—"
            text += "| \(line.name) | \(Self.number(line.figure)) \(line.unit) | \(ceiling) | \(ratio) | \(line.target ?? "—") |\n"
        }
        return text
    }

    package static func format(_ line: Line) -> String {
        var text = "\(line.name.count < 44 ? line.name.padding(toLength: 44, withPad: " ", startingAt: 0) : line.name) \(number(line.figure)) \(line.unit)"
        if let ceiling = line.ceiling, let ratio = line.ratio {
            text += "   raw \(number(ceiling)) \(line.unit)   ratio \(String(format: "%.0f%%", ratio * 100))"
        }
        if let target = line.target { text += "   (target \(target))" }
        return text
    }

    package static func number(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : String(format: "%.2f", value)
    }
}
