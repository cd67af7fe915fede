import FeedParser
import Foundation
import XCTest

/// The fetch time every test passes as `now`.
let fetchTime = Date(timeIntervalSince1970: 1_750_000_000)

/// Parses `Fixtures/<path>`.
func parseFixture(
    _ path: String, contentType: String? = nil, url: String? = nil,
    file: StaticString = #filePath, line: UInt = #line
) throws -> ParsedFeed {
    let data = try Fixtures.data(path)
    return try FeedParser.parse(
        data, contentType: contentType, documentURL: url.flatMap(URL.init(string:)),
        now: fetchTime)
}

/// Parses a document given as text.
func parseText(_ text: String, contentType: String? = nil, url: String? = nil) throws -> ParsedFeed {
    try FeedParser.parse(
        Data(text.utf8), contentType: contentType, documentURL: url.flatMap(URL.init(string:)),
        now: fetchTime)
}

/// A date as `YYYY-MM-DDTHH:MM:SSZ`, for readable assertions.
func stamp(_ date: Date?) -> String? { date.map(ParseReport.timestamp) }

/// Asserts that some issue mentions `fragment`.
func assertIssue(_ feed: ParsedFeed, mentions fragment: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertTrue(
        feed.issues.contains { $0.localizedCaseInsensitiveContains(fragment) },
        "no issue mentions \"\(fragment)\"; issues: \(feed.issues)", file: file, line: line)
}
