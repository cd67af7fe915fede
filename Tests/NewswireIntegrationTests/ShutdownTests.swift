import Foundation
import NewswireTestSupport
import XCTest

/// How the daemon ends: SIGTERM (`systemctl stop`) while a feed's server has stopped answering
/// abandons the transfer at once, and records no failure for it; a state folder deleted under the
/// daemon stops it, saying so, instead of letting it store events no restart would find.
final class ShutdownTests: XCTestCase {
    func testStopAbandonsAStalledTransferAndRecordsNoFailure() async throws {
        let stalled = try await LoopbackHTTPServer.start()
        addTeardownBlock { try? await stalled.shutdown() }
        stalled.setRoute("/stalled.xml", .hang)
        let wire = try await WireHarness.start(
            self, name: "stalled-stop", items: Array(FeedBuilder.distinctItems.prefix(1)),
            extraConfig: """
                [http]
                timeout = "60s"
                [outlets.stalled]
                name = "Stalled"
                feeds = ["\(stalled.url("/stalled.xml"))"]
                """)
        let subscriber = try EventSubscriber(path: wire.daemon.socketPath, firstLine: #"{"since":0}"#)
        try await subscriber.wait(for: "the wire's article") { lines, _ in
            lines.contains { $0["type"] as? String == "article.new" }
        }
        let deadline = ContinuousClock.now + .seconds(30)
        while stalled.requests(to: "/stalled.xml").isEmpty {
            guard ContinuousClock.now < deadline else { throw DaemonTestError("the stalled feed was never requested") }
            try await Task.sleep(for: .milliseconds(20))
        }

        let stopping = ContinuousClock.now
        let status = try await wire.daemon.stop()
        let took = ContinuousClock.now - stopping
        XCTAssertEqual(status, 0)
        XCTAssertLessThan(took, .seconds(5), "the stop waited for the stalled transfer")
        try await subscriber.wait(for: "the hang-up") { _, closed in closed }
        XCTAssertFalse(
            subscriber.events.contains { $0["type"] as? String == "source.failed" },
            "a transfer given up at shutdown is no failure of the feed")
        XCTAssertFalse(wire.daemon.log.contains("Feed of Stalled is failing"), wire.daemon.log)
    }

    func testDeletingTheStateFolderStopsTheDaemonSayingSo() async throws {
        let wire = try await WireHarness.start(
            self, name: "state-deleted", items: Array(FeedBuilder.distinctItems.prefix(1)))
        let subscriber = try EventSubscriber(path: wire.daemon.socketPath, firstLine: #"{"since":0}"#)
        try await subscriber.wait(for: "the article") { lines, _ in
            lines.contains { $0["type"] as? String == "article.new" }
        }
        try FileManager.default.removeItem(at: wire.daemon.stateDirectory)
        let process = try XCTUnwrap(wire.daemon.process)
        try await DaemonProcess.waitForExit(process, timeout: 30)
        XCTAssertEqual(process.terminationStatus, 69, "EX_UNAVAILABLE: systemd restarts it")
        XCTAssertTrue(wire.daemon.log.contains("newswire.sqlite3 was deleted or replaced"), wire.daemon.log)
    }
}
