import FeedParser
import Foundation
import XCTest

/// Every date shape feeds use, read by the hand-written parser.
final class DateParsingTests: XCTestCase {
    private func utc(_ text: String) -> String? {
        FeedDateParser.secondsSince1970(text).map {
            ParseReport.timestamp(Date(timeIntervalSince1970: TimeInterval($0)))
        }
    }

    func testRFC822AndRFC1123() {
        XCTAssertEqual(utc("Tue, 05 Mar 2024 06:30:00 GMT"), "2024-03-05T06:30:00Z")
        XCTAssertEqual(utc("Tue, 05 Mar 2024 06:30:00 +0000"), "2024-03-05T06:30:00Z")
        XCTAssertEqual(utc("05 Mar 2024 08:30:00 +0200"), "2024-03-05T06:30:00Z")
        XCTAssertEqual(utc("Tue, 5 Mar 2024 01:30 EST"), "2024-03-05T06:30:00Z")
        XCTAssertEqual(utc("Tue, 05 Mar 2024 06:30:00"), "2024-03-05T06:30:00Z")
        XCTAssertEqual(utc("Tue, 05 Mar 24 08:30:00 CEST"), "2024-03-05T06:30:00Z")
        XCTAssertEqual(utc("Tue, 05 Mar 99 06:30:00 GMT"), "1999-03-05T06:30:00Z")
        XCTAssertEqual(utc("Tue, 05 Mar 2024 00:30:00 -0600"), "2024-03-05T06:30:00Z")
        XCTAssertEqual(utc("Tue, 05 Mar 2024 12:00:00 +05:30"), "2024-03-05T06:30:00Z")
        XCTAssertEqual(utc("Tue, 05 Mar 2024 06:30:00 UT"), "2024-03-05T06:30:00Z")
        XCTAssertEqual(utc("Tue, 05 Mar 2024 06:30:00 Z"), "2024-03-05T06:30:00Z")
        XCTAssertEqual(utc("Tue, 05 Mar 2024 22:30:00 PST"), "2024-03-06T06:30:00Z")
        XCTAssertEqual(utc("Tue, 05 Mar 2024 06:30:00 GMT+01:00"), "2024-03-05T05:30:00Z")
        XCTAssertEqual(utc("Tuesday, 05 March 2024 06:30:00 GMT"), "2024-03-05T06:30:00Z")
        XCTAssertEqual(utc("Tue, 05 Mar 2024"), "2024-03-05T00:00:00Z")
    }

    func testMonthBeforeDayAndAsctime() {
        XCTAssertEqual(utc("Mar 05 2024 06:30:00 GMT"), "2024-03-05T06:30:00Z")
        XCTAssertEqual(utc("March 5, 2024 06:30"), "2024-03-05T06:30:00Z")
        XCTAssertEqual(utc("Tue Mar  5 06:30:00 2024"), "2024-03-05T06:30:00Z")
    }

    func testLocalizedAndMisspelledMonths() {
        XCTAssertEqual(utc("mar., 05 mars 2024 07:30:00 +0100"), "2024-03-05T06:30:00Z")
        XCTAssertEqual(utc("Seg, 24 Set 2018 19:42:40 -0300"), "2018-09-24T22:42:40Z")
        XCTAssertEqual(utc("Di, 05 Mär 2024 07:30:00 +0100"), "2024-03-05T06:30:00Z")
        XCTAssertEqual(utc("05 Sept 2024 06:30:00 GMT"), "2024-09-05T06:30:00Z")
        XCTAssertEqual(utc("5 dic 2024 06:30 GMT"), "2024-12-05T06:30:00Z")
    }

    func testISO8601AndW3CDTF() {
        XCTAssertEqual(utc("2024-03-05T06:30:00Z"), "2024-03-05T06:30:00Z")
        XCTAssertEqual(utc("2024-03-05T12:00:00+05:30"), "2024-03-05T06:30:00Z")
        XCTAssertEqual(utc("2024-03-05T01:30:00-0500"), "2024-03-05T06:30:00Z")
        XCTAssertEqual(utc("2024-03-05T06:30:00.123456Z"), "2024-03-05T06:30:00Z")
        XCTAssertEqual(utc("2024-03-05 06:30:00"), "2024-03-05T06:30:00Z")
        XCTAssertEqual(utc("2024-03-05T06:30Z"), "2024-03-05T06:30:00Z")
        XCTAssertEqual(utc("20240305T063000Z"), "2024-03-05T06:30:00Z")
        XCTAssertEqual(utc("2024-03-05"), "2024-03-05T00:00:00Z")
        XCTAssertEqual(utc("2024-03"), "2024-03-01T00:00:00Z")
        XCTAssertEqual(utc("2024"), "2024-01-01T00:00:00Z")
        XCTAssertEqual(utc("  2024-03-05T06:30:00Z \n"), "2024-03-05T06:30:00Z")
    }

    func testImpossibleAndGarbageDatesAreRejected() {
        XCTAssertNil(utc("Fri, 30 Feb 2024 06:30:00 GMT"))
        XCTAssertNil(utc("2023-02-29T00:00:00Z"))
        XCTAssertNil(utc("2024-13-01T00:00:00Z"))
        XCTAssertNil(utc("2024-03-05T25:00:00Z"))
        XCTAssertNil(utc("Tue, 05 Foo 2024 06:30:00 GMT"))
        XCTAssertNil(utc("yesterday-ish"))
        XCTAssertNil(utc(""))
        XCTAssertNil(utc(String(repeating: "9", count: 500)))
        XCTAssertEqual(utc("2024-02-29T00:00:00Z"), "2024-02-29T00:00:00Z")
    }

    func testDatesInAFeedAndTheFetchTimeForImpossibleOnes() throws {
        let feed = try parseFixture("corpus/dates/date-shapes.xml")
        let published = feed.items.map { stamp($0.published ?? $0.updated) }
        XCTAssertEqual(
            Array(published.prefix(10)),
            [
                "2024-03-05T06:30:00Z", "2024-03-05T06:30:00Z", "2024-03-05T06:30:00Z", "2024-03-05T06:30:00Z",
                "2024-03-05T06:30:00Z", "2024-03-05T06:30:00Z", "2024-03-05T00:00:00Z", "2024-03-05T06:30:00Z",
                "2024-03-05T06:30:00Z", "2024-09-05T06:30:00Z",
            ])
        for item in feed.items.suffix(2) {
            XCTAssertEqual(item.published, fetchTime, item.title ?? "")
            XCTAssertTrue(item.publishedIsFetchTime)
        }
        assertIssue(feed, mentions: "\"Fri, 30 Feb 2024 06:30:00 GMT\" is not a possible date")
        assertIssue(feed, mentions: "\"yesterday-ish\"")
    }
}
