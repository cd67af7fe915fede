import Foundation
import NewswireTestSupport
import XCTest

/// Bad input gets a clear error and loses nothing: broken feeds, a broken configuration, an
/// unusable state folder, a subscriber that sends garbage.
final class BadInputTests: XCTestCase {
    private var work: URL!

    override func setUp() async throws {
        work = try Fixtures.temporaryDirectory("bad")
    }

    override func tearDown() async throws {
        try? FileManager.default.removeItem(at: work)
    }

    /// A loopback server with `/good.xml` (four articles) and `/error.xml` (HTTP 500).
    private func startServerWithAGoodAndAFailingFeed() async throws -> LoopbackHTTPServer {
        let server = try await LoopbackHTTPServer.start()
        addTeardownBlock { try? await server.shutdown() }
        server.setRoute(
            "/good.xml",
            .feed(
                body: FeedBuilder.rss(items: FeedBuilder.distinctItems),
                contentType: "application/rss+xml", etag: nil, lastModified: nil))
        server.setRoute("/error.xml", .status(500, headers: [], body: Data("oops".utf8)))
        return server
    }

    func testBrokenFeedsAreReportedOnceWhileTheOthersGoOn() async throws {
        let server = try await startServerWithAGoodAndAFailingFeed()
        server.setRoute(
            "/page.xml",
            .status(
                200, headers: [("Content-Type", "text/html")],
                body: Data("<html><body>Not a feed</body></html>".utf8)))
        server.setRoute("/hang.xml", .hang)
        server.setRoute("/huge.xml", .huge(bytes: 50 << 20))
        server.setRoute("/bomb.xml", .gzipBomb(decodedBytes: 200 << 20))
        server.setRoute("/loop-a.xml", .redirect(to: "/loop-b.xml", status: 302))
        server.setRoute("/loop-b.xml", .redirect(to: "/loop-a.xml", status: 302))
        let broken = ["error", "page", "hang", "huge", "bomb", "loop-a"]
        let daemon = try DaemonProcess(
            workDirectory: work,
            config: """
                interval = "1s"
                [polling]
                min_interval = "1s"
                failure_retry = "1s"
                max_backoff = "2s"
                startup_window = "1s"
                [http]
                timeout = "2s"
                connect_timeout = "2s"
                max_body = "1MiB"
                [outlets.good]
                name = "Good"
                feeds = ["\(server.url("/good.xml"))"]
                [outlets.broken]
                name = "Broken"
                feeds = [\(broken.map { "\"\(server.url("/\($0).xml"))\"" }.joined(separator: ", "))]
                """)
        try await daemon.start()
        let subscriber = try EventSubscriber(path: daemon.socketPath, firstLine: #"{"since":0}"#)
        try await subscriber.wait(for: "a failure event per broken feed and the good articles") { lines, _ in
            lines.filter { $0["type"] as? String == "source.failed" }.count == broken.count
                && lines.filter { $0["type"] as? String == "article.new" }.count == 4
        }
        // Let every broken feed be retried at least twice: still one event each.
        let before = broken.map { server.requests(to: "/\($0).xml").count }
        let deadline = ContinuousClock.now + .seconds(60)
        while zip(broken, before).contains(where: { server.requests(to: "/\($0.0).xml").count < $0.1 + 2 }) {
            guard ContinuousClock.now < deadline else { throw DaemonTestError("broken feeds were not retried") }
            try await Task.sleep(for: .milliseconds(50))
        }
        let failures = subscriber.events.filter { $0["type"] as? String == "source.failed" }
        XCTAssertEqual(failures.count, broken.count, "each failing feed is reported once")
        let errors = failures.compactMap { ($0["source"] as? [String: any Sendable])?["error"] as? String }
        let retries = failures.compactMap { ($0["source"] as? [String: any Sendable])?["retryIn"] as? Int64 }
        XCTAssertEqual(retries.count, broken.count, "a running daemon says when it tries again")
        let expectations = [
            "error": "HTTP 500", "page": "not a feed", "hang": "timed out", "huge": "larger than",
            "bomb": "larger than", "loop-a": "redirects",
        ]
        for (name, words) in expectations {
            let error = errors.first { $0.contains("/\(name).xml") }
            XCTAssertNotNil(error, "no failure event for \(name)")
            XCTAssertTrue(error?.lowercased().contains(words.lowercased()) == true, "\(name): \(error ?? "")")
        }

        // A feed that heals is reported once more, as recovered, and its articles arrive.
        server.setRoute(
            "/error.xml",
            .feed(
                body: FeedBuilder.rss(items: [
                    FeedBuilder.Item(
                        title: "Storm closes airports across the north", link: "https://example.org/weather/storm",
                        summary: "Flights were cancelled as winds reached hurricane strength.")
                ]),
                contentType: "application/rss+xml", etag: nil, lastModified: nil))
        try await subscriber.wait(for: "recovery") { lines, _ in
            lines.contains { $0["type"] as? String == "source.recovered" }
                && lines.contains { $0.articleTitle == "Storm closes airports across the north" }
        }
        XCTAssertTrue(daemon.process?.isRunning == true)
        let status = try await daemon.stop()
        XCTAssertEqual(status, 0)
    }

    /// `--once` reads each feed one time: a failure is reported, and the exit status says so,
    /// without announcing a retry that this process will not make.
    func testOnceReportsAFailingFeedWithoutPromisingARetry() async throws {
        let server = try await startServerWithAGoodAndAFailingFeed()
        let daemon = try DaemonProcess(
            workDirectory: work,
            config: """
                [outlets.good]
                name = "Good"
                feeds = ["\(server.url("/good.xml"))"]
                [outlets.broken]
                name = "Broken"
                feeds = ["\(server.url("/error.xml"))"]
                """)
        let status = try await daemon.runToCompletion()
        XCTAssertEqual(status, 1, "some feed failed: \(daemon.log)")
        XCTAssertTrue(daemon.log.contains("Feed of Broken is failing"), daemon.log)
        XCTAssertFalse(daemon.log.contains("retrying in"), daemon.log)

        // Run again: the feed is still failing, which brings no new source.failed; the run says why it fails.
        let again = try await daemon.runToCompletion()
        XCTAssertEqual(again, 1)
        XCTAssertTrue(daemon.log.contains("1 of 2 feeds could not be read: \(server.url("/error.xml"))"), daemon.log)
    }

    func testBrokenConfigurationStopsBeforeReadyNamingFileAndKey() async throws {
        let daemon = try DaemonProcess(
            workDirectory: work,
            config: """
                interval = "15 minutes"
                """)
        let status = try await daemon.runToCompletion([])
        XCTAssertEqual(status, 78, "EX_CONFIG")
        XCTAssertTrue(daemon.log.contains("newswired.toml: interval: invalid interval \"15 minutes\""), daemon.log)
        XCTAssertFalse(FileManager.default.fileExists(atPath: daemon.socketPath), "never listened")
    }

    func testUnreadableConfigurationFile() async throws {
        let daemon = try DaemonProcess(workDirectory: work, config: nil)
        let status = try await daemon.runToCompletion(["--config", work.appendingPathComponent("missing.toml").path])
        XCTAssertEqual(status, 78)
        XCTAssertTrue(daemon.log.contains("missing.toml: cannot read the file"), daemon.log)
    }

    func testUnusableStateDirectoryStopsBeforeReady() async throws {
        let file = work.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let daemon = try DaemonProcess(workDirectory: work, config: nil)
        let status = try await daemon.runToCompletion(["--state-directory", file.appendingPathComponent("state").path])
        XCTAssertEqual(status, 73, "EX_CANTCREAT")
        XCTAssertTrue(daemon.log.contains("a-file/state"), daemon.log)
    }

    func testGarbageFromASubscriberGetsAnErrorAndHarmsNoOne() async throws {
        let server = try await LoopbackHTTPServer.start()
        addTeardownBlock { try? await server.shutdown() }
        server.setRoute(
            "/wire.xml",
            .feed(
                body: FeedBuilder.rss(items: Array(FeedBuilder.distinctItems.prefix(1))),
                contentType: "application/rss+xml", etag: nil, lastModified: nil))
        let daemon = try DaemonProcess(
            workDirectory: work,
            config: """
                [polling]
                startup_window = "1s"
                [outlets.wire]
                name = "Wire"
                feeds = ["\(server.url("/wire.xml"))"]
                """)
        try await daemon.start()
        let good = try EventSubscriber(path: daemon.socketPath, firstLine: #"{"since":0}"#)
        let rude = try EventSubscriber(path: daemon.socketPath, firstLine: "GET / HTTP/1.1")
        try await rude.wait(for: "an error and a hang-up") { _, closed in closed }
        XCTAssertEqual(rude.lines.first?["type"] as? String, "hello")
        XCTAssertEqual(rude.lines.last?["type"] as? String, "error")
        XCTAssertTrue((rude.lines.last?["message"] as? String)?.contains("{\"since\": N}") == true)
        let flood = try EventSubscriber(
            path: daemon.socketPath,
            firstLine: String(repeating: "x", count: 100_000))
        try await flood.wait(for: "a hang-up") { _, closed in closed }
        try await good.waitForEvents(2)
        // A seq this daemon never sent (another state's, say): taken as it stands, the events up to
        // it would be skipped without a word.
        let last = try XCTUnwrap(good.events.last?["seq"] as? Int64)
        let ahead = try EventSubscriber(path: daemon.socketPath, firstLine: "{\"since\":\(last + 1000)}")
        try await ahead.wait(for: "an error and a hang-up") { _, closed in closed }
        XCTAssertEqual(ahead.lines.last?["type"] as? String, "error")
        let message = ahead.lines.last?["message"] as? String ?? ""
        XCTAssertTrue(message.contains("beyond the last event, \(last)"), message)
        XCTAssertTrue(daemon.log.contains("subscriber asked for events after one this daemon never sent"), daemon.log)
        XCTAssertTrue(daemon.process?.isRunning == true)
        let status = try await daemon.stop()
        XCTAssertEqual(status, 0)
    }

    /// A request sent once the first second is over finds the session already live: it is answered
    /// with an error line and a hang-up (it was once silently ignored, leaving a client that asked
    /// for the stored events with the live stream alone).
    func testARequestAfterTheFirstSecondIsAnErrorNotIgnored() async throws {
        let items = FeedBuilder.manyDistinctItems(count: 2, summaryWords: 10)
        let wire = try await WireHarness.start(self, name: "late-request", items: Array(items.prefix(1)))
        let first = try EventSubscriber(path: wire.daemon.socketPath, firstLine: #"{"since":0}"#)
        try await first.wait(for: "the first article") { lines, _ in
            lines.contains { $0["type"] as? String == "article.new" }
        }
        let late = try EventSubscriber(path: wire.daemon.socketPath)
        wire.publish(items)
        // A session sends no event before its first second is over: a live article shows it went live.
        try await late.wait(for: "a live article") { lines, _ in
            lines.contains { $0["type"] as? String == "article.new" }
        }
        late.send(#"{"since":0}"#)
        try await late.wait(for: "an error and a hang-up") { _, closed in closed }
        XCTAssertEqual(late.lines.last?["type"] as? String, "error")
        let message = late.lines.last?["message"] as? String ?? ""
        XCTAssertTrue(message.contains("within 1 s of connecting") && message.contains("reconnect"), message)
        XCTAssertEqual(late.events.filter { $0["type"] as? String == "article.new" }.count, 1, "nothing replayed")
        try await first.wait(for: "the second article") { lines, _ in
            lines.filter { $0["type"] as? String == "article.new" }.count == 2
        }
        XCTAssertTrue(wire.daemon.log.contains("subscriber sent a request after the first second"), wire.daemon.log)
        let status = try await wire.daemon.stop()
        XCTAssertEqual(status, 0)
    }
}
