import FeedParser
import Foundation
import XCTest

/// Documents that are not feeds throw `FeedParseError` with a message that says why.
final class NotAFeedTests: XCTestCase {
    private func message(_ data: Data) -> String? {
        do {
            _ = try FeedParser.parse(data, now: fetchTime)
            return nil
        } catch {
            return error.message
        }
    }

    func testHTMLPage() throws {
        XCTAssertEqual(
            message(try Fixtures.data("corpus/not-feeds/html-page.html")),
            "not a feed: the document is an HTML page")
    }

    func testOtherXML() throws {
        XCTAssertEqual(
            message(try Fixtures.data("corpus/not-feeds/other-xml.xml")),
            "not a feed: the root element is <config>, not rss, feed or rdf:RDF")
    }

    func testEmptyAndBlank() {
        XCTAssertEqual(message(Data()), "empty document: no feed to read")
        XCTAssertEqual(message(Data(" \n\t ".utf8)), "empty document: no feed to read")
    }

    func testRandomBytesAndPlainText() {
        var generator = SplitMix64(seed: 7)
        let random = Data((0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        XCTAssertEqual(message(random)?.hasPrefix("not a feed"), true)
        XCTAssertEqual(message(Data("just some words".utf8))?.hasPrefix("not a feed: no XML element found"), true)
    }

    func testJSONThatIsNotAFeed() throws {
        XCTAssertEqual(message(Data("[1, 2]".utf8)), "not a feed: a JSON document whose top level is not an object")
        // An object is read as a (here empty) JSON Feed, with what it lacks reported.
        let feed = try FeedParser.parse(Data(#"{"hello": "world"}"#.utf8), now: fetchTime)
        XCTAssertEqual(feed.format, .json)
        XCTAssertEqual(feed.items, [])
        assertIssue(feed, mentions: "without an items array")
        XCTAssertEqual(
            message(Data("{not json".utf8)),
            "not a feed: the document starts like JSON but is not valid JSON")
    }
}
