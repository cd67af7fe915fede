import FeedParser
import Foundation
import SourceAdapterKit
import XCTest

/// What the default adapter makes of parsed items: dates to publish by, and bounded text.
final class AdapterMappingTests: XCTestCase {
    private let adapter = GenericFeedAdapter(
        outlet: OutletInfo(id: "wire", name: "Wire", homepage: URL(string: "https://wire.example/")!),
        feeds: [URL(string: "https://wire.example/rss")!])

    private func candidates(_ xml: String) throws -> [ArticleCandidate] {
        let feed = try FeedParser.parse(Data(xml.utf8))
        return adapter.articles(from: feed, feedURL: URL(string: "https://wire.example/rss")!)
    }

    /// Atom entries with `updated` alone and RSS 1.0 items with `dc:date` had no `published`.
    func testAnUpdateDateStandsInForAMissingPublicationDate() throws {
        let atom = try candidates(
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
            <entry><title>Only updated</title><link href="https://wire.example/a"/><id>urn:a</id>
            <updated>2026-11-23T09:00:00Z</updated></entry></feed>
            """)
        XCTAssertEqual(atom.first?.published, Date(timeIntervalSince1970: 1_795_424_400))
        let rdf = try candidates(
            """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
              xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Wire</title></channel>
            <item><title>Dublin Core</title><link>https://wire.example/b</link>
            <dc:date>2026-11-23T09:00:00Z</dc:date></item></rdf:RDF>
            """)
        XCTAssertEqual(rdf.first?.published, Date(timeIntervalSince1970: 1_795_424_400))
    }

    /// A 4.8 MB description was stored and sent to subscribers whole.
    func testHugeTitlesAndSummariesAreCutAtAWord() throws {
        let words = String(repeating: "lorem ipsum dolor ", count: 20_000)
        let items = try candidates(
            """
            <rss version="2.0"><channel><title>Wire</title><item><title>\(words)</title>
            <link>https://wire.example/c</link><description>\(words)</description></item></channel></rss>
            """)
        let item = try XCTUnwrap(items.first)
        XCTAssertLessThanOrEqual(item.title.utf8.count, ArticleTextLimits.title)
        XCTAssertLessThanOrEqual(item.summary.utf8.count, ArticleTextLimits.summary)
        XCTAssertGreaterThan(item.summary.utf8.count, ArticleTextLimits.summary - 3_300)
        XCTAssertTrue(item.summary.hasSuffix("\u{2026}"))
        XCTAssertFalse(item.summary.dropLast().last?.isWhitespace == true)
        XCTAssertTrue(["lorem", "ipsum", "dolor"].contains { item.summary.dropLast().hasSuffix($0) }, "cut at a word")

        let short = try candidates(
            """
            <rss version="2.0"><channel><title>Wire</title><item><title>Short</title>
            <link>https://wire.example/d</link><description>Kept as it is.</description></item></channel></rss>
            """)
        XCTAssertEqual(short.first?.summary, "Kept as it is.")
    }
}
