import FeedParser
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `newswire-bench`: parse throughput of `FeedParser`, in process, on files held in memory.
///
///     newswire-bench [--label NAME] [--runs N] [--min-seconds S] [--max-runs N] FILE...
///
/// Every file is read into memory first; one warm-up pass counts items and failures; then whole
/// passes over all files are timed with the monotonic clock until at least `--runs` passes and
/// `--min-seconds` of timing were done (at most `--max-runs`). Prints one JSON line on stdout
/// (best and median pass) and one readable line on stderr.
@main
struct NewswireBench {
    struct Options {
        var label = "files"
        var runs = 5
        var minSeconds = 2.0
        var maxRuns = 200
        var files: [String] = []
    }

    static func main() {
        let options: Options
        do {
            options = try parseArguments(Array(CommandLine.arguments.dropFirst()))
        } catch {
            fail("\(error)\nusage: newswire-bench [--label NAME] [--runs N] [--min-seconds S] [--max-runs N] FILE...")
        }
        var documents: [(data: Data, url: URL)] = []
        for path in options.files {
            guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
            let name = (path as NSString).lastPathComponent
            documents.append((data, URL(string: "http://127.0.0.1/feeds/\(name)")!))
        }
        let bytes = documents.reduce(0) { $0 + $1.data.count }
        // A fixed fetch time, so that every pass does the same work.
        let now = Date(timeIntervalSince1970: 1_790_000_000)

        // Warm-up pass: also counts what is read, for the comparison with the peers.
        var items = 0
        var failures = 0
        var checksum = 0
        for document in documents {
            do {
                let feed = try FeedParser.parse(document.data, contentType: nil, documentURL: document.url, now: now)
                items += feed.items.count
                checksum &+= digest(feed)
            } catch {
                failures += 1
            }
        }

        var durations: [Double] = []
        var elapsed = 0.0
        while durations.count < options.maxRuns && (durations.count < options.runs || elapsed < options.minSeconds) {
            let start = monotonicSeconds()
            for document in documents {
                if let feed = try? FeedParser.parse(document.data, contentType: nil, documentURL: document.url,
                                                    now: now) {
                    checksum &+= digest(feed)
                }
            }
            let duration = monotonicSeconds() - start
            durations.append(duration)
            elapsed += duration
        }
        durations.sort()
        let best = durations[0]
        let median = durations.count % 2 == 1
            ? durations[durations.count / 2]
            : (durations[durations.count / 2 - 1] + durations[durations.count / 2]) / 2
        let mib = Double(bytes) / 1_048_576
        let fields: [(String, String)] = [
            ("tool", quoted("newswire")), ("set", quoted(options.label)), ("files", "\(documents.count)"),
            ("bytes", "\(bytes)"), ("items", "\(items)"), ("errors", "\(failures)"), ("runs", "\(durations.count)"),
            ("best_s", format(best)), ("median_s", format(median)),
            ("mib_s", format(mib / best)), ("mib_s_median", format(mib / median)),
            ("items_s", format(Double(items) / best)), ("items_s_median", format(Double(items) / median)),
            ("checksum", "\(checksum & 0xFFFF)"),
        ]
        print("{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
        let line = "newswire-bench \(options.label): \(documents.count) files, \(String(format: "%.1f", mib)) MiB, "
            + "\(items) items, \(failures) failed; best of \(durations.count): \(String(format: "%.1f", mib / best)) MiB/s, "
            + "\(Int(Double(items) / best)) items/s (median \(String(format: "%.1f", mib / median)) MiB/s)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Touches what a consumer would read, so that no part of the result can be optimized away.
    static func digest(_ feed: ParsedFeed) -> Int {
        var sum = feed.items.count
        for item in feed.items {
            sum &+= (item.title?.utf8.count ?? 0) &+ (item.summary?.utf8.count ?? 0)
                &+ (item.summaryHTML?.utf8.count ?? 0) &+ (item.link?.utf8.count ?? 0)
        }
        return sum
    }

    static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func format(_ value: Double) -> String { String(format: "%.6g", value) }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    static func parseArguments(_ arguments: [String]) throws -> Options {
        var options = Options()
        var index = 0
        func value(_ name: String) throws -> String {
            index += 1
            guard index < arguments.count else { throw UsageError(description: "\(name) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--label": options.label = try value(argument)
            case "--runs":
                guard let runs = Int(try value(argument)), runs >= 1 else { throw UsageError(description: "bad --runs") }
                options.runs = runs
            case "--max-runs":
                guard let runs = Int(try value(argument)), runs >= 1 else {
                    throw UsageError(description: "bad --max-runs")
                }
                options.maxRuns = runs
            case "--min-seconds":
                guard let seconds = Double(try value(argument)), seconds >= 0 else {
                    throw UsageError(description: "bad --min-seconds")
                }
                options.minSeconds = seconds
            default:
                if argument.hasPrefix("--") { throw UsageError(description: "unknown option \(argument)") }
                options.files.append(argument)
            }
            index += 1
        }
        guard !options.files.isEmpty else { throw UsageError(description: "no file given") }
        options.maxRuns = max(options.maxRuns, options.runs)
        return options
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("newswire-bench: \(message)\n".utf8))
        exit(2)
    }
}
