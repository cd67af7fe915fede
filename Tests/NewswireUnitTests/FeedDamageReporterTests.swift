import Logging
import XCTest

@testable import NewswireDaemon

/// A feed broken the same way at every poll is one notice, not one per poll.
final class FeedDamageReporterTests: XCTestCase {
    func testDamageIsANoticeOnceThenDebugUntilTheFeedReadsCleanly() {
        let lines = CapturedLines()
        var logger = Logger(label: "test") { _ in CapturingHandler(lines: lines) }
        logger.logLevel = .debug
        let reporter = FeedDamageReporter(logger: logger)
        let lemonde = "https://www.lemonde.fr/rss/une.xml", other = "https://other.example/rss"

        reporter.read(feed: lemonde, issues: [])
        XCTAssertEqual(lines.all, [], "a clean read says nothing")
        for _ in 0..<3 { reporter.read(feed: lemonde, issues: ["not well-formed XML, read as HTML"]) }
        reporter.read(feed: other, issues: ["undefined entity &nbsp;"])
        XCTAssertEqual(lines.all.filter { $0.level == .notice }.count, 2, "one notice per damaged feed")
        XCTAssertEqual(lines.all.filter { $0.level == .debug }.count, 2, "repeats are debug lines")

        reporter.read(feed: lemonde, issues: [])
        reporter.read(feed: lemonde, issues: [])
        XCTAssertEqual(lines.all.last, .init(level: .notice, message: "feed reads cleanly again"))
        XCTAssertEqual(lines.all.filter { $0.level == .notice }.count, 3, "healing is said once")

        reporter.read(feed: lemonde, issues: ["not well-formed XML, read as HTML"])
        XCTAssertEqual(lines.all.filter { $0.level == .notice }.count, 4, "new damage is reported again")
    }
}
