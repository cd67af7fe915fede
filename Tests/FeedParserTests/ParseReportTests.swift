import FeedParser
import Foundation
import XCTest

/// The exact text of `newswire parse --json`.
final class ParseReportTests: XCTestCase {
    func testExactJSONForAFeed() throws {
        let text = """
            <rss version="2.0"><channel><title>T &amp; "Q"</title><link>https://x.example/</link>
            <item><title>One</title><link>https://x.example/1</link><guid>https://x.example/1</guid>
            <pubDate>Tue, 05 Mar 2024 06:30:00 GMT</pubDate><description>&lt;p&gt;Hi\tthere&lt;/p&gt;</description>
            <author>a@x.example (Ann)</author></item>
            <item><title>Two</title><pubDate>never</pubDate></item></channel></rss>
            """
        let json = ParseReport.json(parsing: Data(text.utf8), now: fetchTime)
        XCTAssertEqual(
            json,
            """
            {"format": "rss", "title": "T & \\"Q\\"", "link": "https://x.example/", "items": [\
            {"id": "https://x.example/1", "title": "One", "link": "https://x.example/1", \
            "published": "2024-03-05T06:30:00Z", "updated": "2024-03-05T06:30:00Z", "summary": "Hi there", \
            "authors": ["Ann"]}, \
            {"id": null, "title": "Two", "link": null, "published": null, "updated": null, "summary": null, \
            "authors": []}], "error": null}
            """)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        XCTAssertEqual((decoded?["items"] as? [Any])?.count, 2)
    }

    func testExactJSONForAnError() {
        let json = ParseReport.json(parsing: Data("<html><body>hello</body></html>".utf8))
        XCTAssertEqual(
            json,
            """
            {"format": null, "title": null, "link": null, "items": [], \
            "error": "not a feed: the document is an HTML page"}
            """)
    }

    func testUpdatedFallsBackToPublishedAndEscapesControlCharacters() throws {
        let feed = ParsedFeed(
            format: .atom, title: "a\u{1}b",
            items: [
                FeedItem(id: "x", published: Date(timeIntervalSince1970: 0), authors: ["Zoë"])
            ])
        let json = ParseReport.json(.success(feed))
        XCTAssertTrue(json.contains(#""title": "a\u0001b""#), json)
        XCTAssertTrue(json.contains(#""published": "1970-01-01T00:00:00Z", "updated": "1970-01-01T00:00:00Z""#), json)
        XCTAssertTrue(json.contains(#""authors": ["Zoë"]"#), json)
    }
}
