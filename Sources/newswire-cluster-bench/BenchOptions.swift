import Foundation

/// The command line of `newswire-cluster-bench`.
struct BenchOptions {
    static let usage = """
        usage: newswire-cluster-bench [--articles N] [--rate PER_HOUR] [--no-summaries] [--dev FILE.jsonl] [--trace FILE]
        """

    /// Articles in the stream.
    var articles = 1_000_000
    /// Articles per hour of `published` time (synthetic stream).
    var rate = 1_000.0
    /// Whether synthetic articles have a summary.
    var summaries = true
    /// Replay this JSON Lines file (the development set) instead of the synthetic stream.
    var devFile: String?
    /// Write every decision to this file (`DecisionTrace`), to compare two builds.
    var traceFile: String?

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--articles": articles = try Self.value(of: argument, from: &rest, as: Int.init)
            case "--rate": rate = try Self.value(of: argument, from: &rest, as: Double.init)
            case "--no-summaries": summaries = false
            case "--dev": devFile = try Self.value(of: argument, from: &rest, as: { $0 })
            case "--trace": traceFile = try Self.value(of: argument, from: &rest, as: { $0 })
            default: throw BenchOptionError(message: "unknown argument \(argument)")
            }
        }
    }

    private static func value<T>(of option: String, from rest: inout ArraySlice<String>, as parse: (String) -> T?)
        throws -> T
    {
        guard let text = rest.popFirst(), let value = parse(text) else {
            throw BenchOptionError(message: "\(option) needs a valid value")
        }
        return value
    }
}

/// A command line that cannot be run.
struct BenchOptionError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
