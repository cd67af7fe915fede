import Logging
import XCTest

@testable import NewswireDaemon

/// Database trouble is one error line however many feeds hit it, and one notice when it heals.
final class StoreTroubleReporterTests: XCTestCase {
    private struct DiskFull: Error, CustomStringConvertible {
        var description: String { "SQLite error 13: database or disk is full" }
    }

    func testOneErrorForManyFailuresThenOneNoticeWhenItHeals() {
        let lines = CapturedLines()
        var logger = Logger(label: "test") { _ in CapturingHandler(lines: lines) }
        logger.logLevel = .debug
        let reporter = StoreTroubleReporter(logger: logger)

        reporter.succeeded()
        XCTAssertEqual(lines.all, [], "nothing to say while the database works")
        for feed in ["https://a.example/rss", "https://b.example/rss", "https://a.example/rss"] {
            reporter.failed("store what the feed published", feed: feed, error: DiskFull())
        }
        XCTAssertTrue(reporter.isFailing)
        XCTAssertEqual(lines.all.filter { $0.level == .error }.count, 1)
        let error = try? XCTUnwrap(lines.all.first { $0.level == .error })
        XCTAssertTrue(error?.message.contains("free space and permissions") == true, error?.message ?? "")
        XCTAssertEqual(lines.all.filter { $0.level == .debug }.count, 2)

        reporter.succeeded()
        reporter.succeeded()
        XCTAssertFalse(reporter.isFailing)
        XCTAssertEqual(lines.all.filter { $0.level == .notice }.count, 1)

        reporter.failed("store the feed's state", feed: "https://a.example/rss", error: DiskFull())
        XCTAssertEqual(lines.all.filter { $0.level == .error }.count, 2, "a new episode is reported again")
    }
}
