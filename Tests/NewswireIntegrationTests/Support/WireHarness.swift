import Foundation
import NewswireTestSupport
import XCTest

/// The set-up several integration tests share: a loopback HTTP server with one RSS feed, and the
/// real daemon polling it every second as outlet `wire`, on a private folder that teardown removes.
struct WireHarness {
    let server: LoopbackHTTPServer
    let daemon: DaemonProcess

    /// Starts both; `extraConfig` (TOML tables) goes before the outlet's table.
    static func start(
        _ testCase: XCTestCase, name: String, items: [FeedBuilder.Item], extraConfig: String = ""
    ) async throws -> WireHarness {
        let server = try await LoopbackHTTPServer.start()
        let work = try Fixtures.temporaryDirectory(name)
        testCase.addTeardownBlock {
            try? await server.shutdown()
            try? FileManager.default.removeItem(at: work)
        }
        let daemon = try DaemonProcess(
            workDirectory: work,
            config: """
                interval = "1s"
                [polling]
                min_interval = "1s"
                startup_window = "1s"
                \(extraConfig)
                [outlets.wire]
                name = "Test Wire"
                feeds = ["\(server.url("/wire.xml"))"]
                """)
        let harness = WireHarness(server: server, daemon: daemon)
        harness.publish(items)
        try await daemon.start()
        return harness
    }

    /// Serves a new version of the feed (the daemon sees it at its next poll).
    func publish(_ items: [FeedBuilder.Item]) {
        server.setRoute(
            "/wire.xml",
            .feed(
                body: FeedBuilder.rss(items: items), contentType: "application/rss+xml", etag: nil,
                lastModified: nil))
    }

    /// How many articles of `FeedBuilder.manyDistinctItems(count:summaryWords: 120)` make enough
    /// event lines (about 2.8 kB per article, with its story event) that one batch cannot all reach
    /// a subscriber that stopped reading: several times the send buffer this host gives a Unix
    /// socket (the daemon's get the same). At least 400.
    static func articlesBeyondSocketBuffers() -> Int {
        var pair: [Int32] = [0, 0]
        var size: Int32 = 212_992
        if socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0 {
            var length = socklen_t(MemoryLayout<Int32>.size)
            _ = getsockopt(pair[0], SOL_SOCKET, SO_SNDBUF, &size, &length)
            pair.forEach { close($0) }
        }
        return max(400, 4 * Int(size) / 2800)
    }

    /// The seq of an event line (nil for hello and notices).
    static func eventSeq(_ line: String) -> Int64? {
        guard let object = jsonObject(line), (object["type"] as? String)?.contains(".") == true else { return nil }
        return (object["seq"] as? NSNumber)?.int64Value
    }

    static func jsonObject(_ line: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }
}
