import Foundation
import NewswireTestSupport
import XCTest

/// One daemon per state folder, and SIGHUP neither ends the daemon nor loses anything.
final class StateLockAndHangUpTests: XCTestCase {
    /// Another daemon with the same configuration as `wire`'s, in `directory` (its state folder
    /// and socket are there).
    private static func daemon(like wire: WireHarness, in directory: URL) throws -> DaemonProcess {
        let path = try XCTUnwrap(wire.daemon.configPath)
        return try DaemonProcess(workDirectory: directory, config: try String(contentsOfFile: path, encoding: .utf8))
    }

    private static func articles(_ lines: [[String: any Sendable]]) -> Int {
        lines.filter { $0["type"] as? String == "article.new" }.count
    }

    func testASecondDaemonOnTheSameStateStopsBeforeReadyAndTheFirstGoesOn() async throws {
        let wire = try await WireHarness.start(self, name: "lock", items: FeedBuilder.distinctItems)
        let first = wire.daemon
        let folder = first.stateDirectory.deletingLastPathComponent()
        let subscriber = try EventSubscriber(path: first.socketPath, firstLine: #"{"since":0}"#)
        try await subscriber.wait(for: "the feed's articles") { lines, _ in Self.articles(lines) == 4 }

        // `--once` would poll and exit 0 if it were let in.
        let second = try Self.daemon(like: wire, in: folder.appendingPathComponent("second"))
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
        let third = try Self.daemon(like: wire, in: folder)
        let polledOnce = try await third.runToCompletion()
        XCTAssertEqual(polledOnce, 0, third.log)
        let stored = try Self.daemon(like: wire, in: folder)
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
        let daemon = try await WireHarness.start(self, name: "hang-up", items: FeedBuilder.distinctItems).daemon
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
