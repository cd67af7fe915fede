import ArgumentParser
import Foundation
import NewswireDaemon
import NewswireProtocol

/// `newswire tail`: prints the daemon's events as they happen.
struct Tail: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print events as they happen (optionally after a sequence number).")

    @Option(help: ArgumentHelp("The daemon's event socket.", valueName: "path"))
    var socket: String?

    // Unconditional, so that `--since -1` is read as a number and refused as one (not "missing value").
    @Option(parsing: .unconditional, help: "Start with every stored event after this sequence number.")
    var since: Int64?

    @Flag(help: "Print the event lines exactly as the daemon sends them.")
    var json = false

    func validate() throws {
        if let since, since < 0 { throw ValidationError("--since is a sequence number, 0 or more; got \(since)") }
    }

    /// How long the daemon has to greet a new connection.
    static let helloTimeoutMilliseconds: Int32 = 10_000
    /// Connections in a row that end without a notice and without a new event before giving up.
    static let fruitlessReconnections = 3

    /// Reads until the daemon hangs up, and reconnects from the last event it sent, so that the
    /// output has no gap: at once when it cut us off for reading too slowly (a pipe into a slow
    /// consumer), after a moment when it closed the connection without a word (a consumer that took
    /// nothing for 5 s, or a restart). When the daemon cannot be reached again, it is an error
    /// saying where to resume: a script reading the output must not take it for the end of the news.
    func run() throws {
        let path = socket ?? DaemonPaths.clientSocketPath()
        let decoder = WireCoding.makeDecoder()
        var resumeFrom = since
        var reconnecting = false
        var fruitless = 0
        while true {
            var client: UnixSocketClient
            do {
                client = try UnixSocketClient(path: path)
            } catch {
                if reconnecting, let resumeFrom { throw Self.fail(Self.closedMessage(after: resumeFrom)) }
                throw Self.fail("\(error)")
            }
            defer { client.closeConnection() }
            guard client.hasInput(within: Self.helloTimeoutMilliseconds) else {
                throw Self.fail(
                    "\(path) accepted the connection but sent nothing for \(Self.helloTimeoutMilliseconds / 1000) s "
                        + "(is newswired failing to start? see systemctl status newswired)")
            }
            guard let greeting = client.readLine() else {
                // Closed before its greeting: a daemon on its way out, when reconnecting.
                guard reconnecting, let resumeFrom else {
                    throw Self.fail("\(path) closed the connection without a hello line")
                }
                fruitless += 1
                guard fruitless < Self.fruitlessReconnections else {
                    throw Self.fail(Self.closedMessage(after: resumeFrom))
                }
                usleep(200_000)
                continue
            }
            guard let hello = EventText.hello(greeting, decoder: decoder) else {
                throw Self.fail("\(path) is not newswired's event socket (it did not greet with a hello line)")
            }
            if let resumeFrom { client.send(WireCoding.line(ResumeRequest(since: resumeFrom))) }
            if !reconnecting { write(json ? greeting : EventText.describe(line: greeting, decoder: decoder)) }
            var lastSeen = resumeFrom ?? hello.seq
            var cutOffAt: Int64?
            while let line = client.readLine() {
                if let seq = EventText.overflowSeq(line, decoder: decoder) {
                    cutOffAt = seq
                    continue
                }
                if let refusal = EventText.errorMessage(line, decoder: decoder) {
                    throw Self.fail("newswired refused the request: \(refusal)")
                }
                if let seq = EventText.eventSeq(line) { lastSeen = seq }
                write(json ? line : EventText.describe(line: line, decoder: decoder))
            }
            reconnecting = true
            if let cutOffAt {
                Console.error("newswire: fell behind the daemon; resuming after event #\(cutOffAt)\n")
                resumeFrom = cutOffAt
                fruitless = 0
                continue
            }
            // Closed without a word: try again after a moment, unless that keeps bringing nothing.
            fruitless = lastSeen > (resumeFrom ?? hello.seq) ? 1 : fruitless + 1
            guard fruitless < Self.fruitlessReconnections else { throw Self.fail(Self.closedMessage(after: lastSeen)) }
            Console.error("newswire: newswired closed the connection; resuming after event #\(lastSeen)\n")
            resumeFrom = lastSeen
            usleep(200_000)
        }
    }

    private static func closedMessage(after lastSeen: Int64) -> String {
        "newswired closed the connection after event #\(lastSeen) and cannot be reached again (it stopped); "
            + "`newswire tail --since \(lastSeen)` goes on from there"
    }

    /// Writes one line unbuffered, so that a pipe sees each event as it happens.
    private func write(_ text: String) {
        Console.out(text + "\n")
    }

    /// Says what went wrong on stderr, and ends with EX_UNAVAILABLE (not a usage error).
    private static func fail(_ message: String) -> ExitCode {
        Console.error("newswire: \(message)\n")
        return ExitCode(69)
    }
}

/// Readable one-line renderings of the daemon's lines.
enum EventText {
    /// The seq to resume after, when `line` is the daemon's `overflow` notice.
    static func overflowSeq(_ line: String, decoder: JSONDecoder) -> Int64? {
        guard line.contains(#""overflow""#),
            let notice = try? decoder.decode(ControlNotice.self, from: Data(line.utf8)), notice.type == "overflow"
        else { return nil }
        return notice.seq
    }

    /// What the daemon says, when `line` is its `error` notice (it hangs up after it).
    static func errorMessage(_ line: String, decoder: JSONDecoder) -> String? {
        guard line.contains(#""error""#),
            let notice = try? decoder.decode(ControlNotice.self, from: Data(line.utf8)), notice.type == "error"
        else { return nil }
        return notice.message
    }

    /// The daemon's greeting, when `line` is one.
    static func hello(_ line: String, decoder: JSONDecoder) -> Hello? {
        guard line.contains(#""hello""#), let hello = try? decoder.decode(Hello.self, from: Data(line.utf8)),
            hello.type == "hello"
        else { return nil }
        return hello
    }

    /// The seq of an event line: the number after its `"seq":` key, which no string value can
    /// hold (a quote inside one is escaped) and no nested object of an event has.
    static func eventSeq(_ line: String) -> Int64? {
        let bytes = Array(line.utf8), key = Array(#""seq":"#.utf8)
        guard bytes.count > key.count else { return nil }
        for start in 0...(bytes.count - key.count) where bytes[start..<start + key.count].elementsEqual(key) {
            let digits = bytes[(start + key.count)...].prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            return Int64(String(decoding: digits, as: UTF8.self))
        }
        return nil
    }

    static func describe(line: String, decoder: JSONDecoder) -> String {
        let data = Data(line.utf8)
        if let event = try? decoder.decode(Event.self, from: data) {
            let time = RFC3339.format(event.time)
            switch event.type {
            case .articleNew, .articleUpdated:
                let article = event.article
                let mark = event.type == .articleNew ? "new" : "updated"
                return "#\(event.seq) \(time) [\(article?.outlet ?? "?")] \(mark): \(article?.title ?? "")"
                    + " <\(article?.url ?? "")>" + (event.story.map { " (story \($0.id))" } ?? "")
            case .storyNew, .storyUpdated:
                let story = event.story
                return "#\(event.seq) \(time) story \(story?.id ?? 0) \(event.type == .storyNew ? "new" : "updated"): "
                    + "\(story?.title ?? "") — \(Self.count(story?.articles ?? 0, "article")) from "
                    + (story?.outlets ?? []).joined(separator: ", ")
            case .sourceFailed, .sourceRecovered, .sourceDisabled:
                let source = event.source
                return "#\(event.seq) \(time) [\(source?.outlet ?? "?")] \(event.type.rawValue): \(source?.feed ?? "")"
                    + (source?.error.map { ": \($0)" } ?? "")
            }
        }
        if let hello = try? decoder.decode(Hello.self, from: data), hello.type == "hello" {
            return "connected (protocol \(hello.protocol), database \(hello.epoch), last event #\(hello.seq))"
        }
        if let notice = try? decoder.decode(ControlNotice.self, from: data) {
            return "\(notice.type): \(notice.message)"
        }
        return line
    }

    /// `1 article`, `3 articles`.
    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
