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

    @Option(help: "Start with every stored event after this sequence number.")
    var since: Int64?

    @Flag(help: "Print the event lines exactly as the daemon sends them.")
    var json = false

    /// Reads until the daemon hangs up. When it cuts us off for reading too slowly (a pipe into a
    /// slow consumer), reconnects at once from the last event it sent, so the output has no gap.
    func run() throws {
        let path = socket ?? DaemonPaths.clientSocketPath()
        let decoder = WireCoding.makeDecoder()
        var resumeFrom = since
        var reconnecting = false
        while true {
            var client = try UnixSocketClient(path: path)
            defer { client.closeConnection() }
            if let resumeFrom { client.send(WireCoding.line(ResumeRequest(since: resumeFrom))) }
            var cutOffAt: Int64?
            while let line = client.readLine() {
                if let seq = EventText.overflowSeq(line, decoder: decoder) {
                    cutOffAt = seq
                    continue
                }
                if reconnecting, EventText.isHello(line, decoder: decoder) { continue }
                // Written unbuffered, so that a pipe sees each event as it happens.
                let text = json ? line : EventText.describe(line: line, decoder: decoder)
                FileHandle.standardOutput.write(Data((text + "\n").utf8))
            }
            guard let cutOffAt else { return }
            FileHandle.standardError.write(
                Data("newswire: fell behind the daemon; resuming after event #\(cutOffAt)\n".utf8))
            resumeFrom = cutOffAt
            reconnecting = true
        }
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

    /// Whether `line` is the daemon's greeting.
    static func isHello(_ line: String, decoder: JSONDecoder) -> Bool {
        guard line.contains(#""hello""#) else { return false }
        return (try? decoder.decode(Hello.self, from: Data(line.utf8)))?.type == "hello"
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
                    + "\(story?.title ?? "") — \(story?.articles ?? 0) articles from "
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
}
