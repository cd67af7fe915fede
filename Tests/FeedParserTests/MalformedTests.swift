import FeedParser
import Foundation
import XCTest

/// Broken XML is recovered, the damage is listed in `issues`, and the articles are kept.
final class MalformedTests: XCTestCase {
    func testUndeclaredHTMLEntitiesAreDecoded() throws {
        let feed = try parseFixture("corpus/malformed/html-entities.xml")
        XCTAssertEqual(feed.title, "Entités HTML")
        let item = try XCTUnwrap(feed.items.first)
        XCTAssertEqual(item.title, "Café society — a review…")
        XCTAssertEqual(item.link, "https://bad.example.org/cafe?x=1&y=2")
        // An unknown entity stays as text rather than vanishing.
        XCTAssertEqual(item.summary, "Price: 10€ &bogus; © 2024")
        assertIssue(feed, mentions: "undeclared HTML entity")
        assertIssue(feed, mentions: "unknown entity")
    }

    func testBareAmpersandsAreKept() throws {
        let feed = try parseFixture("corpus/malformed/bare-ampersands.xml")
        XCTAssertEqual(feed.title, "Q&A Daily")
        XCTAssertEqual(feed.link, "https://bad.example.org/?feed=1&format=rss")
        XCTAssertEqual(feed.items.count, 2)
        XCTAssertEqual(feed.items[0].title, "AT&T and Johnson & Johnson report earnings")
        XCTAssertEqual(feed.items[0].link, "https://bad.example.org/story?id=7&ref=rss")
        XCTAssertEqual(feed.items[0].summary, "Revenue rose 3% & profits 5% (R&D flat).")
        XCTAssertEqual(feed.items[1].summary, "Markets & more.")
        assertIssue(feed, mentions: "unescaped '&'")
        XCTAssertTrue(feed.isDegraded)
    }

    func testTruncatedDocumentKeepsTheLastUnclosedItem() throws {
        let feed = try parseFixture("corpus/malformed/truncated.xml")
        XCTAssertEqual(feed.items.count, 3)
        let last = try XCTUnwrap(feed.items.last)
        XCTAssertEqual(last.title, "Third item, cut in its description")
        XCTAssertEqual(last.link, "https://bad.example.org/3")
        XCTAssertEqual(stamp(last.published), "2024-04-01T12:00:00Z")
        XCTAssertEqual(last.summary, "The connection dropped in the middle of this sent")
        assertIssue(feed, mentions: "malformed XML")
    }

    /// QA: a feed cut inside an item's `<link>` gave the item a truncated link, and the whole
    /// feed later gave it a second `article.new` at its real link.
    func testALinkCutShortByTheEndOfTheDocumentIsNoLink() throws {
        let feed = try parseText(
            """
            <rss version="2.0"><channel><title>Wire</title>
            <item><title>Whole</title><link>https://wire.example/whole</link></item>
            <item><title>Avalanche kills two skiers</title><guid>https://wire.example/aval</guid>
            <link>https://wire.example/avalanche-kills-two-sk
            """)
        XCTAssertEqual(feed.items.count, 2)
        XCTAssertEqual(feed.items.first?.link, "https://wire.example/whole")
        XCTAssertEqual(
            feed.items.last?.link, "https://wire.example/aval", "the permalink guid stands in, not the link cut short")
        XCTAssertEqual(feed.items.last?.id, "https://wire.example/aval", "a guid that was closed is kept")
        let cutGuid = try parseText(
            "<rss version=\"2.0\"><channel><title>W</title><item><title>T</title><guid>https://wire.exa")
        XCTAssertNil(cutGuid.items.first?.id)
    }

    func testCDATAOddities() throws {
        let feed = try parseFixture("corpus/malformed/cdata-oddities.xml")
        XCTAssertEqual(feed.title, "CDATA title with padding")
        XCTAssertEqual(feed.link, "https://bad.example.org/")
        XCTAssertEqual(feed.items[0].title, "Split ]]> sections join")
        XCTAssertEqual(feed.items[0].link, "https://bad.example.org/cdata?a=1&b=2")
        XCTAssertEqual(feed.items[0].summary, "Literal & stays an entity in HTML: bold <tag>")
        XCTAssertEqual(feed.items[1].title, "Mixed text & CDATA title")
        XCTAssertEqual(feed.items[1].summary, "")
        XCTAssertTrue(feed.issues.isEmpty, "\(feed.issues)")
    }

    func testRawMarkupAndStrayLessThan() throws {
        let feed = try parseFixture("corpus/malformed/unescaped-markup.xml")
        guard feed.items.count == 2 else { return XCTFail("items: \(feed.items.map(\.title))") }
        XCTAssertEqual(feed.items[0].title, "3 < 5 is true")
        XCTAssertEqual(feed.items[0].link, "https://bad.example.org/raw")
        XCTAssertEqual(feed.items[0].summary, "First line second line with bold")
        XCTAssertEqual(feed.items[1].title, "Item after the damage")
        XCTAssertEqual(feed.items[1].summary, "Still read.")
        assertIssue(feed, mentions: "not well-formed XML inside 2 element(s)")
    }

    func testHostileInputNeverCrashes() throws {
        var generator = SplitMix64(seed: 42)
        let base = Array(try Fixtures.data("corpus/formats/rss20-namespaces.xml"))
        for round in 0..<300 {
            var bytes = base
            // Flip, drop and truncate at random.
            for _ in 0..<(round % 20 + 1) {
                let index = Int(generator.next() % UInt64(bytes.count))
                bytes[index] = UInt8(truncatingIfNeeded: generator.next())
            }
            bytes.removeLast(Int(generator.next() % UInt64(bytes.count / 2)))
            _ = try? FeedParser.parse(Data(bytes), now: fetchTime)
        }
        let random = (0..<65_536).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        XCTAssertThrowsError(try FeedParser.parse(Data(random), now: fetchTime))
    }

    func testThousandsOfUnclosedTextElementsStayLinear() throws {
        let text = "<rss><channel><item>" + String(repeating: "<title>a<b>", count: 20_000) + "</item></channel></rss>"
        let start = ContinuousClock.now
        let feed = try parseText(text)
        XCTAssertEqual(feed.items.count, 1)
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(30))
    }

    func testDeeplyNestedDocumentDoesNotOverflow() throws {
        let depth = 50_000
        let text = "<rss><channel><item><title>" + String(repeating: "<b>", count: depth) + "deep"
        let feed = try parseText(text)
        XCTAssertEqual(feed.items.count, 1)
    }

    func testEntityExpansionIsNeverPerformed() throws {
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
              <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
              <!ENTITY xxe SYSTEM "file:///etc/passwd">
            ]>
            <rss version="2.0"><channel><title>&c;&xxe;</title><item><title>ok</title></item></channel></rss>
            """
        let feed = try parseText(bomb)
        XCTAssertEqual(feed.items.first?.title, "ok")
        XCTAssertLessThan(feed.title?.count ?? 0, 100)
        XCTAssertEqual(feed.title?.contains("root:"), false)
    }

    /// One plain entity of 100 KB referenced a thousand times: expanding every reference made a
    /// 100 MB summary of a 105 KB feed. Expansion stops at twice the document's size.
    func testManyReferencesToALargeDeclaredEntityDoNotBlowUp() throws {
        let value = String(repeating: "A", count: 100_000)
        let references = String(repeating: "&big;", count: 1_000)
        let feed = try parseText(
            """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY big "\(value)"><!ENTITY dash "&#8212;">]>
            <rss version="2.0"><channel><title>Wire &dash; news</title>
            <item><title>Quadratic</title><link>https://example.org/q</link>
            <description>\(references)</description></item></channel></rss>
            """)
        XCTAssertEqual(feed.title, "Wire \u{2014} news", "small declared entities are still expanded")
        let summary = try XCTUnwrap(feed.items.first?.summary)
        XCTAssertLessThan(summary.utf8.count, 400_000)
        XCTAssertTrue(
            feed.issues.contains { $0.contains("declared entity reference(s) kept as text") }, "\(feed.issues)")
    }
}

/// A small deterministic random generator for the fuzz test.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
