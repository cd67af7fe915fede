import Foundation
import NewswireTestSupport
import XCTest

/// `newswire tail` piped into a consumer that stops reading for a while is cut off by the daemon
/// like any slow subscriber; it then resumes by itself from the last event it was sent, so what it
/// prints has neither a gap nor a duplicate.
final class TailResumeTests: XCTestCase {
    /// The set-up both cut-off cases share: a daemon with `subscriber_queue = 10`, a subscriber that
    /// follows everything, and a tail (`--json --since 0`) whose output nobody reads, so that once the
    /// pipe is full it stops reading the socket. Then some 1.1 MB of event lines, far beyond the pipe's
    /// and the socket's buffers, and one more batch while the tail still has hundreds waiting, which
    /// is when the daemon cuts it off. Returns every event's seq, as the subscriber got them.
    private func tailCutOff(name: String) async throws -> (
        wire: WireHarness, tail: Process, stdout: Pipe, stderr: Pipe, everything: [Int64]
    ) {
        let count = WireHarness.articlesBeyondSocketBuffers()
        let all = FeedBuilder.manyDistinctItems(count: count + 1, summaryWords: 120)
        let wire = try await WireHarness.start(
            self, name: name, items: Array(all[0..<1]),
            extraConfig: """
                [socket]
                subscriber_queue = 10
                """)
        let fast = try EventSubscriber(path: wire.daemon.socketPath, firstLine: #"{"since":0}"#)
        try await fast.wait(for: "the first article") { lines, _ in
            lines.contains { $0["type"] as? String == "article.new" }
        }
        let (tail, stdout, stderr) = try Self.launchTail(["--json", "--since", "0", "--socket", wire.daemon.socketPath])
        addTeardownBlock { if tail.isRunning { tail.terminate() } }
        wire.publish(Array(all[0..<count]))
        try await fast.wait(timeout: .seconds(120), for: "the articles and their story event") { lines, _ in
            lines.filter { $0["type"] as? String == "article.new" }.count == count
                && (lines.last?["type"] as? String)?.hasPrefix("story.") == true
        }
        wire.publish(all)
        try await fast.wait(for: "the last article and its story event") { lines, _ in
            lines.filter { $0["type"] as? String == "article.new" }.count == count + 1
                && (lines.last?["type"] as? String)?.hasPrefix("story.") == true
        }
        return (wire, tail, stdout, stderr, fast.rawLines.compactMap { WireHarness.eventSeq($0) })
    }

    /// Reads the tail's output until the last of `everything` and checks it is every event once, in
    /// order; then stops the tail and returns what it said on stderr.
    private static func readEverythingThenStop(
        _ tail: Process, stdout: Pipe, stderr: Pipe, everything: [Int64]
    ) throws -> String {
        let printed = try readEvents(
            from: stdout.fileHandleForReading, until: try XCTUnwrap(everything.last), within: 60)
        XCTAssertEqual(printed, everything, "every event once, in order")
        tail.terminate()
        tail.waitUntilExit()
        return String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    func testTailPipedIntoAStalledConsumerLosesNothing() async throws {
        let (wire, tail, stdout, stderr, everything) = try await tailCutOff(name: "tail-resume")
        // Now the consumer reads: the tail drains, learns it was cut off, resumes, and catches up.
        let said = try Self.readEverythingThenStop(tail, stdout: stdout, stderr: stderr, everything: everything)
        XCTAssertTrue(said.contains("resuming after event #"), "it says it resumed: \(said)")
        XCTAssertTrue(wire.daemon.log.contains("subscriber too slow"), "the daemon logs the cut-off")
    }

    /// A consumer that takes nothing for longer than the daemon's 5 s linger: the daemon closes the
    /// connection without a notice (the tail could not take it either), and the tail still resumes
    /// from the last event it printed (it once exited 69 saying the daemon had stopped).
    func testTailWhoseConsumerStallsPastTheLingerResumesToo() async throws {
        let (wire, tail, stdout, stderr, everything) = try await tailCutOff(name: "tail-linger")
        let deadline = ContinuousClock.now + .seconds(60)
        while !wire.daemon.log.contains("closed without the notice") {
            guard ContinuousClock.now < deadline else {
                throw DaemonTestError("the daemon never closed the stalled tail:\n\(wire.daemon.log)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        let said = try Self.readEverythingThenStop(tail, stdout: stdout, stderr: stderr, everything: everything)
        XCTAssertTrue(said.contains("newswired closed the connection; resuming after event #"), said)
    }

    /// A socket that accepts and never greets (a socket-activated service that fails to start):
    /// the tail says so after 10 s instead of waiting without a word for ever.
    func testTailGivesUpOnASocketThatNeverGreets() async throws {
        let work = try Fixtures.temporaryDirectory("silent")
        defer { try? FileManager.default.removeItem(at: work) }
        let path = work.appendingPathComponent("silent.sock").path
        let listener = Process()
        listener.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        listener.arguments = [
            "-c",
            "import socket, sys, time; s = socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); s.listen(); "
                + "c = s.accept(); time.sleep(60)",
            path,
        ]
        try listener.run()
        defer { listener.terminate() }
        let deadline = ContinuousClock.now + .seconds(10)
        while !FileManager.default.fileExists(atPath: path) {
            guard ContinuousClock.now < deadline else { throw DaemonTestError("the silent listener did not start") }
            try await Task.sleep(for: .milliseconds(20))
        }
        let started = ContinuousClock.now
        let (tail, _, stderr) = try Self.launchTail(["--socket", path])
        try await DaemonProcess.waitForExit(tail, timeout: 30)
        XCTAssertEqual(tail.terminationStatus, 69)
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(20))
        let said = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(said.contains("accepted the connection but sent nothing for 10 s"), said)
    }

    /// When the daemon stops, the tail does not end as if the news had: it fails (EX_UNAVAILABLE)
    /// saying the last event it printed and how to go on; without a daemon it says so, with no usage text.
    func testTailSaysWhereToGoOnWhenTheDaemonStops() async throws {
        let items = FeedBuilder.manyDistinctItems(count: 3, summaryWords: 20)
        let wire = try await WireHarness.start(self, name: "tail-stop", items: items)
        let (tail, stdout, stderr) = try Self.launchTail(["--since", "0", "--socket", wire.daemon.socketPath])
        defer { if tail.isRunning { tail.terminate() } }
        let fast = try EventSubscriber(path: wire.daemon.socketPath, firstLine: #"{"since":0}"#)
        try await fast.wait(for: "the articles and their story event") { lines, _ in
            lines.filter { $0["type"] as? String == "article.new" }.count == items.count
                && (lines.last?["type"] as? String)?.hasPrefix("story.") == true
        }
        let last = try XCTUnwrap(fast.rawLines.compactMap { WireHarness.eventSeq($0) }.last)
        let printed = try Self.readLines(from: stdout.fileHandleForReading, untilOneHasPrefix: "#\(last) ")
        XCTAssertTrue(printed.first?.hasPrefix("connected (protocol 1") == true, printed.first ?? "")
        XCTAssertTrue(printed.contains { $0.hasSuffix("— 1 article from wire") }, printed.joined(separator: "\n"))
        XCTAssertTrue(printed.contains { $0.hasSuffix("— 2 articles from wire") }, printed.joined(separator: "\n"))

        // A seq from elsewhere (another state folder) is refused, not taken as a place to wait.
        let (astray, _, astrayErrors) = try Self.launchTail(
            ["--since", "\(last + 1000)", "--socket", wire.daemon.socketPath])
        try await DaemonProcess.waitForExit(astray, timeout: 30)
        XCTAssertEqual(astray.terminationStatus, 69)
        let refusal = String(decoding: astrayErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(
            refusal.contains("newswired refused the request: since \(last + 1000) is beyond the last event"), refusal)

        let stopped = try await wire.daemon.stop()
        XCTAssertEqual(stopped, 0)
        try await DaemonProcess.waitForExit(tail, timeout: 30)
        XCTAssertEqual(tail.terminationStatus, 69, "EX_UNAVAILABLE")
        let said = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(
            said.contains("newswired closed the connection after event #\(last)")
                && said.contains("newswire tail --since \(last)"), said)

        let (orphan, _, orphanErrors) = try Self.launchTail(["--socket", wire.daemon.socketPath])
        orphan.waitUntilExit()
        XCTAssertEqual(orphan.terminationStatus, 69)
        let complaint = String(decoding: orphanErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(complaint.contains("is newswired running?"), complaint)
        XCTAssertFalse(complaint.contains("Usage"), complaint)

        let (negative, _, negativeErrors) = try Self.launchTail(["--since", "-1", "--socket", wire.daemon.socketPath])
        negative.waitUntilExit()
        XCTAssertEqual(negative.terminationStatus, 64, "a usage error")
        let usage = String(decoding: negativeErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(usage.contains("--since is a sequence number, 0 or more; got -1"), usage)
    }

    /// `newswire tail` with `arguments`, its output and errors in pipes.
    private static func launchTail(_ arguments: [String]) throws -> (Process, stdout: Pipe, stderr: Pipe) {
        let tail = Process()
        tail.executableURL = DaemonProcess.clientBinary
        tail.arguments = ["tail"] + arguments
        let stdout = Pipe()
        let stderr = Pipe()
        tail.standardOutput = stdout
        tail.standardError = stderr
        try tail.run()
        return (tail, stdout, stderr)
    }

    /// Lines read from `handle` until one starts with `prefix` (within 30 s).
    private static func readLines(from handle: FileHandle, untilOneHasPrefix prefix: String) throws -> [String] {
        let deadline = Date().addingTimeInterval(30)
        var pending = Data()
        var lines: [String] = []
        while !lines.contains(where: { $0.hasPrefix(prefix) }) {
            guard Date() < deadline else {
                throw DaemonTestError("no line \(prefix)…; got:\n\(lines.joined(separator: "\n"))")
            }
            let chunk = handle.availableData
            if chunk.isEmpty { throw DaemonTestError("the tail ended; got:\n\(lines.joined(separator: "\n"))") }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                lines.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                pending.removeSubrange(pending.startIndex...newline)
            }
        }
        return lines
    }

    /// The seqs of the event lines read from `handle` until `last` shows up (or the time runs out).
    private static func readEvents(from handle: FileHandle, until last: Int64, within seconds: Double) throws
        -> [Int64]
    {
        let deadline = Date().addingTimeInterval(seconds)
        var pending = Data()
        var seqs: [Int64] = []
        while seqs.last != last {
            guard Date() < deadline else {
                throw DaemonTestError("the tail printed \(seqs.count) events, the last \(seqs.last ?? 0), not \(last)")
            }
            let chunk = handle.availableData
            if chunk.isEmpty { throw DaemonTestError("the tail ended after \(seqs.count) events") }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending.removeSubrange(pending.startIndex...newline)
                if let seq = WireHarness.eventSeq(line) { seqs.append(seq) }
            }
        }
        return seqs
    }
}
