import Foundation
import NewswireStore
import NewswireTestSupport
import XCTest

/// The reference case: the aggregator page about the attacks in Mali, nine coverage rows of which
/// four repeat another (../shared/fixtures/seed-mali/EXPECTED.md). The real daemon polls the three
/// recorded feeds from a loopback server; a real subscriber checks what comes out of the socket.
final class SeedCaseTests: XCTestCase {
    private var server: LoopbackHTTPServer!
    private var work: URL!

    override func setUp() async throws {
        server = try await LoopbackHTTPServer.start()
        work = try Fixtures.temporaryDirectory("seed")
        for name in ["france24-africa", "aljazeera-all", "aljazeera-africa"] {
            // No validators: every poll is a full 200, so deduplication itself is what is tested.
            server.setRoute(
                "/\(name).xml",
                .feed(
                    body: try Fixtures.data("seed-mali/\(name).xml"),
                    contentType: "application/rss+xml; charset=utf-8",
                    etag: nil, lastModified: nil))
        }
    }

    override func tearDown() async throws {
        try await server.shutdown()
        try? FileManager.default.removeItem(at: work)
    }

    private var config: String {
        """
        interval = "2s"

        [polling]
        min_interval = "1s"
        startup_window = "1s"

        [outlets.france24]
        feeds = ["\(server.url("/france24-africa.xml"))"]

        [outlets.aljazeera]
        feeds = ["\(server.url("/aljazeera-all.xml"))", "\(server.url("/aljazeera-africa.xml"))"]
        """
    }

    func testSeedCaseYieldsFiveArticlesInOneStoryAndNothingOnRepoll() async throws {
        let daemon = try DaemonProcess(workDirectory: work, config: config)
        try await daemon.start()
        let subscriber = try EventSubscriber(path: daemon.socketPath, firstLine: #"{"since":0}"#)

        // 5 article.new + 1 story.new + 4 story.updated.
        try await subscriber.waitForEvents(10)
        // Every feed polled at least twice more: the re-polls must add nothing.
        try await waitForRequests(atLeast: 3)

        let events = subscriber.events
        let newArticles = events.filter { $0["type"] as? String == "article.new" }
        XCTAssertEqual(newArticles.count, 5, "articles: \(newArticles.map { $0.articleTitle })")
        let outlets = Set(newArticles.compactMap { ($0["article"] as? [String: any Sendable])?["outlet"] as? String })
        XCTAssertEqual(outlets, ["france24", "aljazeera"])
        XCTAssertEqual(events.filter { $0["type"] as? String == "story.new" }.count, 1)
        let storyIDs = Set(newArticles.compactMap(\.storyID))
        XCTAssertEqual(storyIDs.count, 1, "every article belongs to the one story")
        let updates = events.filter { $0["type"] as? String == "article.updated" }
        XCTAssertLessThanOrEqual(updates.count, 1, "row 9 may only be an update of E")
        for update in updates {
            XCTAssertEqual(update.articleTitle, "Armed groups stage simultaneous attacks across Mali")
        }
        let titles = newArticles.map(\.articleTitle)
        XCTAssertEqual(Set(titles).count, 5, "no article twice: \(titles)")
        let lastStory = events.last { ($0["type"] as? String)?.hasPrefix("story.") == true }
        let story = lastStory?["story"] as? [String: any Sendable]
        XCTAssertEqual(story?["articles"] as? Int64, 5)
        XCTAssertEqual((story?["outlets"] as? [any Sendable])?.count, 2)

        // Each event line has the contract's fields.
        for event in newArticles {
            XCTAssertNotNil(event["seq"] as? Int64)
            XCTAssertNotNil((event["time"] as? String).flatMap { $0.hasSuffix("Z") ? $0 : nil })
            let article = event["article"] as? [String: any Sendable]
            for key in ["id", "outlet", "title", "url", "published", "summary"] {
                XCTAssertNotNil(article?[key], "article.\(key) missing")
            }
        }
        let seqs = subscriber.events.compactMap { $0["seq"] as? Int64 }
        XCTAssertEqual(seqs, seqs.sorted())
        XCTAssertEqual(Set(seqs).count, seqs.count)
        let countAfterRepoll = subscriber.events.count

        // Restart on the same state and let every feed be polled again: still nothing new.
        try await daemon.stop()
        let before = requestCounts()
        try await daemon.start()
        let again = try EventSubscriber(path: daemon.socketPath, firstLine: #"{"since":0}"#)
        try await again.waitForEvents(countAfterRepoll)
        try await waitForRequests(atLeast: 2, beyond: before)
        XCTAssertEqual(again.events.count, countAfterRepoll, "a restart and re-poll must emit nothing")
        let hello = again.lines.first
        XCTAssertEqual(hello?["type"] as? String, "hello")
        XCTAssertEqual(hello?["protocol"] as? Int64, 1)
        XCTAssertEqual(hello?["seq"] as? Int64, seqs.last)
        let status = try await daemon.stop()
        XCTAssertEqual(status, 0, "SIGTERM ends the daemon cleanly")
    }

    /// `newswire story ID --explain` says why each article joined the seed story; an unknown id or
    /// an output that cannot be written is a plain error with its own status, not a usage error or
    /// a crash (and the daemon drops a log line it cannot write rather than crashing).
    func testStoryCommandExplainsTheJoinsAndFailsPlainly() async throws {
        let daemon = try DaemonProcess(workDirectory: work, config: config)
        let polled = try await daemon.runToCompletion()
        XCTAssertEqual(polled, 0, daemon.log)
        let state = daemon.stateDirectory.path

        let shown = try await CommandRun.client(["story", "1", "--explain", "--state-directory", state])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        let lines = shown.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.first?.hasPrefix("story 1: ") == true, shown.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  5 articles from ") }, shown.stdout)
        XCTAssertEqual(lines.filter { $0.hasPrefix("  - [") }.count, 5, shown.stdout)
        XCTAssertEqual(lines.filter { $0 == "      started the story" }.count, 1, shown.stdout)
        let joins = lines.filter { $0.hasPrefix("      joined with score 0.") }
        XCTAssertEqual(joins.count, 4, shown.stdout)
        for join in joins { XCTAssertFalse(join.hasSuffix(" on: "), "names the shared terms: \(join)") }

        // A story found later to be the same event as story 1 (merged into it) leads there.
        do {
            let store = try StateStore(directory: daemon.stateDirectory)
            try store.write { tx in
                try tx.saveStory(
                    StoredStory(
                        id: 2, headline: "A fragment", outlets: ["aljazeera"], articleCount: 1, brief: [],
                        created: Date(), lastActivity: Date()))
                try tx.mergeStory(2, into: 1)
            }
        }
        let merged = try await CommandRun.client(["story", "2", "--explain", "--state-directory", state])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        let mergedLines = merged.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(mergedLines.first, "story 2 was merged into story 1, the same event", merged.stdout)
        XCTAssertTrue(mergedLines.dropFirst().first?.hasPrefix("story 1: ") == true, merged.stdout)
        XCTAssertTrue(mergedLines.contains("  merged in: story 2 (the same event)"), merged.stdout)

        let unknown = try await CommandRun.client(["story", "999", "--state-directory", state])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("no story 999 in "), unknown.stderr)
        XCTAssertFalse(unknown.stderr.contains("Usage"), unknown.stderr)

        let full = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
        let unwritten = try await CommandRun.client(["story", "1", "--state-directory", state], stdout: full)
        XCTAssertEqual(unwritten.status, 74, "EX_IOERR")
        XCTAssertTrue(unwritten.stderr.contains("cannot write the output: No space left on device"), unwritten.stderr)

        let again = try DaemonProcess(workDirectory: work.appendingPathComponent("full-log"), config: config)
        let logless = try await CommandRun.run(
            DaemonProcess.daemonBinary,
            [
                "--once", "--config", try XCTUnwrap(again.configPath), "--state-directory", again.stateDirectory.path,
                "--socket", again.socketPath,
            ], stderr: full)
        XCTAssertEqual(logless.status, 0, "a log it cannot write is no reason to crash")
    }

    private func requestCounts() -> [String: Int] {
        Dictionary(
            uniqueKeysWithValues: ["france24-africa", "aljazeera-all", "aljazeera-africa"].map {
                ($0, server.requests(to: "/\($0).xml").count)
            })
    }

    /// Waits until each feed was requested `atLeast` times more than in `beyond`.
    private func waitForRequests(atLeast count: Int, beyond: [String: Int] = [:]) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while requestCounts().contains(where: { $0.value < count + (beyond[$0.key] ?? 0) }) {
            guard ContinuousClock.now < deadline else {
                throw DaemonTestError("feeds were not polled \(count) times: \(requestCounts())")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
