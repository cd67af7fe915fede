import FeedParser
import Foundation
import XCTest

/// Text that the repair hands to the builder past libxml2 (`ElidedText`) reads exactly as
/// libxml2 would have reported it, and text it must not hand over still goes through libxml2.
final class ElidedTextTests: XCTestCase {
    private func parse(items: String) throws -> ParsedFeed {
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Élision</title><link>https://example.org/</link>
            \(items)
            </channel></rss>
            """
        return try FeedParser.parse(Data(document.utf8), documentURL: URL(string: "https://example.org/feed"))
    }

    func testLongTextAndCDATAReadAsWritten() throws {
        let feed = try parse(
            items: """
                <item><title>Une longue phrase accentuée, bien plus longue que le seuil</title>
                <description><![CDATA[<p>Le <b>texte</b> d’un résumé</p> assez long pour être mis de côté.]]></description>
                </item>
                """)
        let item = try XCTUnwrap(feed.items.first)
        XCTAssertEqual(item.title, "Une longue phrase accentuée, bien plus longue que le seuil")
        XCTAssertEqual(item.summary, "Le texte d’un résumé assez long pour être mis de côté.")
        XCTAssertEqual(item.summaryHTML, "<p>Le <b>texte</b> d’un résumé</p> assez long pour être mis de côté.")
    }

    func testCDATAThatLooksLikeAPlaceholderIsKept() throws {
        // U+FDD0, 0, U+FDD0 (Swift literals may not hold noncharacters).
        let placeholder = String(decoding: [0xEF, 0xB7, 0x90, 0x30, 0xEF, 0xB7, 0x90] as [UInt8], as: UTF8.self)
        let feed = try parse(
            items: """
                <item><title>A title long enough to be taken out of the document</title>
                <description><![CDATA[\(placeholder)]]></description></item>
                """)
        let item = try XCTUnwrap(feed.items.first)
        XCTAssertEqual(item.title, "A title long enough to be taken out of the document")
        XCTAssertEqual(item.summary, placeholder)
    }

    func testTextThatNeedsLibxml2IsNotHandedOver() throws {
        let feed = try parse(
            items: """
                <item><title>References &amp; entities stay with the XML parser, &#233;h</title>
                <description>Carriage\r\nreturns are normalized by the XML parser, not by us at all</description>
                <link>https://example.org/a</link></item>
                """)
        let item = try XCTUnwrap(feed.items.first)
        XCTAssertEqual(item.title, "References & entities stay with the XML parser, éh")
        XCTAssertEqual(item.summary, "Carriage returns are normalized by the XML parser, not by us at all")
    }

    func testMarkerInsideUnbalancedMarkupIsKeptAndNeverOverflows() throws {
        // Unbalanced HTML becomes a CDATA section the repair writes itself; a placeholder-shaped run
        // inside it (here with a 20-digit number, past Int.max) must read as the text it is.
        let marker = String(decoding: [0xEF, 0xB7, 0x90] as [UInt8], as: UTF8.self)
        let lookalike = marker + String(repeating: "9", count: 20) + marker
        let feed = try parse(
            items: """
                <item><title>A title long enough to be taken out of the document</title>
                <description><p>Unclosed paragraph \(lookalike) and more text</description></item>
                """)
        let item = try XCTUnwrap(feed.items.first)
        XCTAssertEqual(item.summary, "Unclosed paragraph \(lookalike) and more text")
    }
}
