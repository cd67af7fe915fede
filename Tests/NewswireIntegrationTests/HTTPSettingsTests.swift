import Foundation
import NewswireTestSupport
import XCTest

/// The `[http]` settings of the configuration reach the fetcher.
final class HTTPSettingsTests: XCTestCase {
    func testPerHostLimitFromTheConfigurationIsRespected() async throws {
        let server = try await LoopbackHTTPServer.start()
        let work = try Fixtures.temporaryDirectory("http")
        addTeardownBlock {
            try? await server.shutdown()
            try? FileManager.default.removeItem(at: work)
        }
        let feeds = (0..<4).map { "/feed\($0).xml" }
        for (index, path) in feeds.enumerated() {
            server.setRoute(
                path,
                .delayed(
                    .milliseconds(300),
                    then: .feed(
                        body: FeedBuilder.rss(items: [FeedBuilder.distinctItems[index]]),
                        contentType: "application/rss+xml", etag: nil, lastModified: nil)))
        }
        for (perHost, allowedPeaks) in [(1, 1...1), (4, 2...4)] {
            server.resetPeak()
            let daemon = try DaemonProcess(
                workDirectory: work.appendingPathComponent("\(perHost)"),
                config: """
                    [http]
                    max_per_host = \(perHost)
                    [outlets.wire]
                    name = "Wire"
                    feeds = [\(feeds.map { "\"\(server.url($0))\"" }.joined(separator: ", "))]
                    """)
            let status = try await daemon.runToCompletion()
            XCTAssertEqual(status, 0, daemon.log)
            XCTAssertTrue(
                allowedPeaks.contains(server.peakConcurrentRequests),
                "max_per_host = \(perHost): \(server.peakConcurrentRequests) requests at once")
        }
    }
}
