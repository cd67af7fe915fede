import FeedParser
import Foundation
import XCTest

/// Charsets from the HTTP header, the XML declaration and the BOM, when they agree and when
/// they do not; damaged bytes; double encoding; control characters.
final class EncodingTests: XCTestCase {
    func testISO88591DeclaredReadsWindows1252Punctuation() throws {
        let feed = try parseFixture("corpus/encoding/latin1-declared.xml")
        XCTAssertEqual(feed.title, "Société Générale")
        XCTAssertEqual(feed.items.first?.title, "Prix: 5 € le café")
        XCTAssertEqual(feed.items.first?.summary, "Déjà vu à Orléans")
        XCTAssertTrue(feed.issues.isEmpty, "\(feed.issues)")
    }

    func testUndeclaredWindows1252FallsBackAndSaysSo() throws {
        let feed = try parseFixture("corpus/encoding/windows1252-undeclared.xml")
        XCTAssertEqual(feed.title, "“Quoted” news")
        XCTAssertEqual(feed.items.first?.title, "Zoë’s café reopens")
        XCTAssertEqual(feed.items.first?.summary, "Naïve résumé — 50 %")
        assertIssue(feed, mentions: "windows-1252")
    }

    func testUTF16And32WithAndWithoutBOM() throws {
        for name in ["utf16le-bom.xml", "utf16be-bom.xml", "utf16le-nobom.xml"] {
            let feed = try parseFixture("corpus/encoding/" + name)
            XCTAssertEqual(feed.title, "UTF-16 feed", name)
            XCTAssertEqual(feed.items.first?.title, "Ελληνικά νέα", name)
            XCTAssertEqual(feed.items.first?.summary, "Καλημέρα κόσμε", name)
        }
        let utf32 = try parseFixture("corpus/encoding/utf32le-bom.xml")
        XCTAssertEqual(utf32.items.first?.title, "Emoji 📰 news")
    }

    func testLegacyMultibyteAndCyrillicCharsets() throws {
        let expectations = [
            ("koi8r.xml", "Новости дня", "Москва: новости"),
            ("big5.xml", "中央社新聞", "颱風來襲"),
            ("gb2312.xml", "新华网新闻", "北京天气"),
            ("shift_jis.xml", "日本のニュース", "東京で地震"),
        ]
        for (name, title, itemTitle) in expectations {
            let feed = try parseFixture("corpus/encoding/" + name)
            XCTAssertEqual(feed.title, title, name)
            XCTAssertEqual(feed.items.first?.title, itemTitle, name)
            XCTAssertTrue(feed.issues.isEmpty, "\(name): \(feed.issues)")
        }
    }

    func testMacCentralEuropeanLabelsDecodeWithTheMacTable() throws {
        // 0x80 0x8A 0xDB: Ä ä Ř in Mac Central European (Python's mac_latin2), € Š Û in windows-1252.
        for label in ["maccentraleurope", "maclatin2", "mac_latin2", "mac-centeuro"] {
            let document =
                Data("<?xml version=\"1.0\" encoding=\"\(label)\"?><rss version=\"2.0\"><channel><title>".utf8)
                + Data([0x80, 0x8A, 0xDB]) + Data("</title></channel></rss>".utf8)
            let feed = try FeedParser.parse(document, contentType: nil, documentURL: nil, now: fetchTime)
            XCTAssertEqual(feed.title, "ÄäŘ", label)
            XCTAssertTrue(feed.issues.isEmpty, "\(label): \(feed.issues)")
        }
    }

    func testHTTPCharsetOverridesAWrongDeclaration() throws {
        let feed = try parseFixture(
            "corpus/encoding/http-charset-overrides-declaration.xml",
            contentType: "application/rss+xml; charset=windows-1251")
        XCTAssertEqual(feed.title, "Київ сьогодні")
        XCTAssertEqual(feed.items.first?.title, "Новини Києва")
        assertIssue(feed, mentions: "HTTP charset says CP1251 but XML declaration says UTF-8")
    }

    func testWithoutTheHTTPCharsetAWrongDeclarationFallsBack() throws {
        let feed = try parseFixture("corpus/encoding/http-charset-overrides-declaration.xml")
        XCTAssertEqual(feed.items.count, 1)
        assertIssue(feed, mentions: "declared as UTF-8 but is not")
    }

    func testBOMWinsOverTheDeclaration() throws {
        let feed = try parseFixture("corpus/encoding/bom-contradicts-declaration.xml")
        XCTAssertEqual(feed.title, "Crème brûlée")
        XCTAssertEqual(feed.items.first?.title, "Ça marche")
        assertIssue(feed, mentions: "byte-order mark says UTF-8")
    }

    func testAFewInvalidBytesInUTF8AreReplacedNotTheWholeDocument() throws {
        let feed = try parseFixture("corpus/encoding/utf8-invalid-bytes.xml")
        XCTAssertEqual(feed.title, "Zürich Nachrichten")
        XCTAssertEqual(feed.items.first?.title, "Grüße aus Zürich")
        XCTAssertEqual(feed.items.first?.summary, "Straße gesperrt \u{FFFD}\u{FFFD} bytes")
        assertIssue(feed, mentions: "2 invalid byte(s)")
    }

    func testDoubleEncodedTextIsRepaired() throws {
        let feed = try parseFixture("corpus/encoding/double-encoded.xml")
        XCTAssertEqual(feed.title, "Café crème")
        XCTAssertEqual(feed.items.first?.title, "L’été arrive")
        XCTAssertEqual(feed.items.first?.summary, "Vacances à la mer — enfin")
        assertIssue(feed, mentions: "double-encoded")
    }

    func testControlCharactersAreRemovedAndReported() throws {
        let feed = try parseFixture("corpus/encoding/control-characters.xml")
        XCTAssertEqual(feed.title, "Control characters")
        XCTAssertEqual(feed.items.first?.title, "Bell and verticaltab")
        XCTAssertEqual(feed.items.first?.summary, "Formfeed and null")
        assertIssue(feed, mentions: "control character")
        assertIssue(feed, mentions: "character reference")
    }
}
