import Foundation
import NewswireTestSupport
import XCTest

/// One daemon per state folder, and SIGHUP neither ends the daemon nor loses anything.
final class StateLockAndHangUpTests: XCTestCase {
    private var work: URL!
    private var server: LoopbackHTTPServer!

    override func setUp() async throws {
        work = try Fixtures.temporaryDirectory("lock")
        server = try await LoopbackHTTPServer.start()
        server.setRoute(
            "/wire.xml",
            .feed(
                body: FeedBuilder.rss(items: FeedBuilder.distinctItems),
                contentType: "application/rss+xml", etag: nil, lastModified: nil))
    }

    override func tearDown() async throws {
        try? await server.shutdown()
        try? FileManager.default.removeItem(at: work)
    }

    private var config: String {
        """
        interval = "1s"
        [polling]
        min_interval = "1s"
        startup_window = "1s"
        [outlets.wire]
        name = "Wire"
        feeds = ["\(server.url("/wire.xml"))"]
        """
    }

    private static func articles(_ lines: [[String: any Sendable]]) -> Int {
        lines.filter { $0["type"] as? String == "article.new" }.count
    }

    func testASecondDaemonOnTheSameStateStopsBeforeReadyAndTheFirstGoesOn() async throws {
        let first = try DaemonProcess(workDirectory: work.appendingPathComponent("first"), config: config)
        try await first.start()
        let subscriber = try EventSubscriber(path: first.socketPath, firstLine: #"{"since":0}"#)
        try await subscriber.wait(for: "the feed's articles") { lines, _ in Self.articles(lines) == 4 }

        // `--once` would poll and exit 0 if it were let in.
        let second = try DaemonProcess(workDirectory: work.appendingPathComponent("second"), config: config)
        let status = try await second.runToCompletion(["--once", "--state-directory", first.stateDirectory.path])
        XCTAssertEqual(status, 73, "EX_CANTCREAT: \(second.log)")
        let pid = try XCTUnwrap(first.process?.processIdentifier)
        XCTAssertTrue(second.log.contains("is in use by another newswired (pid \(pid))"), second.log)
        XCTAssertTrue(first.process?.isRunning == true)

        // The first one still serves, and once it stops the folder is free: nothing is told twice.
        let again = try EventSubscriber(path: first.socketPath, firstLine: #"{"since":0}"#)
        try await again.wait(for: "the stored articles") { lines, _ in Self.articles(lines) == 4 }
        let stopped = try await first.stop()
        XCTAssertEqual(stopped, 0)
        let third = try DaemonProcess(workDirectory: work.appendingPathComponent("first"), config: config)
        let polledOnce = try await third.runToCompletion()
        XCTAssertEqual(polledOnce, 0, third.log)
        let stored = try DaemonProcess(workDirectory: work.appendingPathComponent("first"), config: config)
        try await stored.start()
        let replay = try EventSubscriber(path: stored.socketPath, firstLine: #"{"since":0}"#)
        try await replay.wait(for: "every stored event") { lines, _ in
            guard let last = lines.first(where: { $0["type"] as? String == "hello" })?["seq"] as? Int64 else {
                return false
            }
            return lines.contains { $0["type"] as? String != "hello" && $0["seq"] as? Int64 == last }
        }
        XCTAssertEqual(Self.articles(replay.lines), 4, "polls of the same feed made no new article")
        _ = try await stored.stop()
    }

    func testHangUpIsAnsweredWithANoticeAndTheDaemonGoesOn() async throws {
        let daemon = try DaemonProcess(workDirectory: work, config: config)
        try await daemon.start()
        let subscriber = try EventSubscriber(path: daemon.socketPath, firstLine: #"{"since":0}"#)
        try await subscriber.wait(for: "the feed's articles") { lines, _ in Self.articles(lines) == 4 }

        let pid = try XCTUnwrap(daemon.process?.processIdentifier)
        XCTAssertEqual(kill(pid, SIGHUP), 0)
        let deadline = ContinuousClock.now + .seconds(30)
        while !daemon.log.contains("SIGHUP ignored") {
            guard daemon.process?.isRunning == true else {
                throw DaemonTestError("newswired ended on SIGHUP:\n\(daemon.log)")
            }
            guard ContinuousClock.now < deadline else { throw DaemonTestError("no notice of SIGHUP:\n\(daemon.log)") }
            try await Task.sleep(for: .milliseconds(20))
        }
        XCTAssertTrue(daemon.log.contains("restart newswired to apply a changed file"), daemon.log)
        XCTAssertTrue(daemon.process?.isRunning == true)
        XCTAssertFalse(subscriber.isClosed, "subscribers stay connected")

        let again = try EventSubscriber(path: daemon.socketPath, firstLine: #"{"since":0}"#)
        try await again.wait(for: "the stored articles") { lines, _ in Self.articles(lines) == 4 }
        let status = try await daemon.stop()
        XCTAssertEqual(status, 0, "SIGTERM still ends it cleanly")
        XCTAssertTrue(daemon.log.contains("newswired stopped"), daemon.log)
    }
}
