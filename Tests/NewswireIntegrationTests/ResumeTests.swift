import Foundation
import NewswireTestSupport
import XCTest

/// A subscriber that reconnects with `{"since":N}` gets exactly what it missed: every event after
/// N, in order, with no gap and no duplicate, and then the live stream.
final class ResumeTests: XCTestCase {
    func testReconnectWithSinceGetsExactlyWhatWasMissed() async throws {
        let items = FeedBuilder.distinctItems
        let wire = try await WireHarness.start(self, name: "resume", items: Array(items[0..<2]))
        let daemon = wire.daemon

        // A follows from the start and leaves after the first two articles.
        let first = try EventSubscriber(path: daemon.socketPath, firstLine: #"{"since":0}"#)
        try await first.wait(for: "two articles") { lines, _ in
            lines.filter { $0["type"] as? String == "article.new" }.count == 2
                && lines.last.map { ($0["type"] as? String)?.hasPrefix("story.") == true } == true
        }
        let lastSeen = try XCTUnwrap(first.events.last?["seq"] as? Int64)
        first.disconnect()

        // Meanwhile two more articles are published; B watches everything.
        wire.publish(items)
        let watcher = try EventSubscriber(path: daemon.socketPath, firstLine: #"{"since":0}"#)
        try await watcher.wait(for: "four articles") { lines, _ in
            lines.filter { $0["type"] as? String == "article.new" }.count == 4
        }
        // Wait for the story event that follows the fourth article, then A comes back.
        try await watcher.wait(for: "the last story event") { lines, _ in
            (lines.last?["type"] as? String)?.hasPrefix("story.") == true
        }
        let missed = watcher.rawLines.filter { line in
            guard let seq = WireHarness.eventSeq(line) else { return false }
            return seq > lastSeen
        }
        XCTAssertFalse(missed.isEmpty)

        let back = try EventSubscriber(path: daemon.socketPath, firstLine: "{\"since\":\(lastSeen)}")
        try await back.waitForEvents(missed.count)
        XCTAssertEqual(Array(back.rawLines.dropFirst()), missed, "exactly the missed lines, in order, once each")
        XCTAssertEqual(back.lines.first?["type"] as? String, "hello")

        // …and then the live stream: a fifth article reaches both.
        let fifth = FeedBuilder.Item(
            title: "Parliament passes new data protection law",
            link: "https://example.org/politics/data-law",
            summary: "Lawmakers approved stricter rules for personal data.")
        wire.publish(items + [fifth])
        try await back.wait(for: "the live fifth article") { lines, _ in
            lines.contains { $0.articleTitle == fifth.title }
        }
        let seqs = back.events.compactMap { $0["seq"] as? Int64 }
        XCTAssertEqual(seqs, seqs.sorted())
        XCTAssertEqual(Set(seqs).count, seqs.count)
        XCTAssertEqual(seqs.first, lastSeen + 1, "no gap")
        let status = try await daemon.stop()
        XCTAssertEqual(status, 0)
    }

    /// `printf '{"since":0}' | nc -U SOCKET`: the request has no newline, and the end of input
    /// ends it. It is honoured like any first line (it was once left waiting for its newline).
    func testARequestEndedByTheEndOfInputIsHonoured() async throws {
        let wire = try await WireHarness.start(
            self, name: "resume-eof", items: Array(FeedBuilder.distinctItems[0..<2]))
        let watcher = try EventSubscriber(path: wire.daemon.socketPath, firstLine: #"{"since":0}"#)
        try await watcher.wait(for: "two articles and the last story event") { lines, _ in
            lines.filter { $0["type"] as? String == "article.new" }.count == 2
                && (lines.last?["type"] as? String)?.hasPrefix("story.") == true
        }
        let stored = Array(watcher.rawLines.dropFirst())

        let piped = try EventSubscriber(path: wire.daemon.socketPath)
        piped.sendAndEndInput(#"{"since":0}"#)
        try await piped.waitForEvents(stored.count, timeout: .seconds(10))
        XCTAssertEqual(Array(piped.rawLines.dropFirst().prefix(stored.count)), stored, "every stored event, in order")
        XCTAssertFalse(piped.isClosed, "then the live stream: the end of its input does not end the session")
        let mode = try FileManager.default.attributesOfItem(atPath: wire.daemon.socketPath)[.posixPermissions]
        XCTAssertEqual((mode as? NSNumber)?.intValue, 0o666, "anyone who can reach the folder may subscribe")
        XCTAssertTrue(wire.daemon.log.contains("New article from Test Wire: "), wire.daemon.log)
        XCTAssertTrue(wire.daemon.log.contains(" (event #1)"), "the seq is named as one: \(wire.daemon.log)")
        let status = try await wire.daemon.stop()
        XCTAssertEqual(status, 0)
    }
}
