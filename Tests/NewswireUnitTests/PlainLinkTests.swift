import Foundation
import XCTest

@testable import SourceAdapterKit

/// Plain links are canonicalized and cleaned from their bytes: the results must be exactly those of
/// the general paths (`LinkParts` + `canonical`, and `URLComponents`), link by link.
final class PlainLinkTests: XCTestCase {
    private let canonicalizers = [
        LinkCanonicalizer(),
        LinkCanonicalizer(outletRules: LinkRules(trackingParameters: ["traffic_source", "Mixed"])),
        LinkCanonicalizer(
            outletRules: LinkRules(
                trackingPrefixes: ["x_"], ampPathPrefixes: ["/amp", "/m"],
                hostAliases: ["m.example.com": "example.com", "amp.example.com": "example.org"])),
        // An alias longer than its host: a plain key is written into a buffer sized by the longest.
        LinkCanonicalizer(outletRules: LinkRules(hostAliases: ["x.io": "a-much-longer-canonical-host.example.com"])),
    ]

    private static let links = [
        "https://www.aljazeera.com/program/inside-story/2026/11/23/whats-driving-attacks?traffic_source=rss",
        "http://WWW.Example.COM/a/b/?utm_source=x&id=3#comments", "https://example.com", "https://example.com/",
        "https://example.com?", "https://example.com?a=1", "https://example.com#top", "https://example.com/#",
        "https://example.com/a%2db/%c3%a9t%C3%A9?q=%20x&%41=1&b=%7e", "HTTPS://example.com./x", "Http://Example.com/X",
        "https://example.com/a:b/c;d=e,f/(g)*'h'!$+~_.-?x=y?z&&w=&=v#frag/ment?",
        "https://example.com/path//double/", "http://a-b.c0m/x?y=1#", "https://www./x", "https://www.www.example.com/",
        "https://m.example.com/x", "https://amp.EXAMPLE.com/amp/story/amp", "https://example.com/amp/x/amp/",
        "https://example.com/m/amp/x", "https://example.com/amp", "https://example.com/ampx/y", "https://example.com//",
        "https://example.com/x?b=2&a=1&A=0&a=", "https://example.com/x?UTM_Source=a&Mixed=1&mixed=2&x_y=3&X_Z=4",
        "https://example.com/x?utm_source=a&utm_medium=b", "https://example.com/x?&&a=1&", "https://example.com/x?a",
        "https://example.com/x?fbclid=1#f", "https://example.com/x?a=1=2&b==3", "https://example.com/x?%75tm_source=1",
        "https://example.com/x?q=%2F%2f%41", "https://news.example.com/2026/11/24/story-title-1234/?id=9&ref=rss",
        "http://www.outlet-3.example.com/news/12/mt-gox-files-for-bankruptcy-77?utm_source=rss&utm_medium=feed&id=77",
        // Keys and cleaned links written on the stack: links that lose nothing, a fragment only, every
        // parameter, or grow through an alias; escapes, empty queries and fragments, odd cases.
        "https://x.io", "https://X.IO/a/?z=1&a=2&fbclid=3#f", "HTTP://Example.com:8080/x?utm_source=1#f",
        "https://example.com/caf%C3%A9?q=%e2%82%AC&utm_medium=x", "https://example.com/x?#frag",
        "https://example.com/ü?a=1", "http://example.com/a?b=1&utm_source=2#", "https://example.com/a#b?c",
        "https://example.com/a?b=1?c#d?e", "https://example.com/%7Euser/%2d%2D?%7e=1&x=%41%2f",
        "http://example.com/a?zeta=1&alpha=2&Alpha=3&alpha=1&beta",
    ]

    func testCanonicalKeysOfPlainLinksAreThoseOfTheGeneralPath() {
        for canonicalizer in canonicalizers {
            for link in Self.links {
                let general = (LinkParts(plain: link) ?? LinkCanonicalizer.parse(link)).flatMap(canonicalizer.canonical)
                XCTAssertEqual(canonicalizer.canonicalize(link), general, link)
            }
        }
    }

    /// A key made with its prefix in one string is the prefix and the canonical link, plain or not.
    func testPrefixedKeysAreThePrefixAndTheCanonicalLink() {
        let others = [
            "https://user@example.com:8080/x?gclid=3#y", "https://example.com/a b?utm_source=x", "ftp://x.io/a", "",
        ]
        for canonicalizer in canonicalizers {
            for link in Self.links + others {
                XCTAssertEqual(
                    canonicalizer.canonicalize(link, prefixedWith: "url:"),
                    canonicalizer.canonicalize(link).map { "url:" + $0 }, link)
            }
        }
    }

    func testCleanedPlainLinksAreWhatURLComponentsGives() {
        for canonicalizer in canonicalizers {
            for link in Self.links {
                XCTAssertEqual(canonicalizer.clean(link), canonicalizer.cleanWithComponents(link), link)
            }
        }
    }

    func testFixtureFeedLinksGetTheSameKeysAndCleanLinksBothWays() throws {
        var links: [String] = []
        for file in ["aljazeera-africa", "aljazeera-all", "france24-africa"] {
            let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/\(file)", withExtension: "xml"))
            let feed = try String(contentsOf: url, encoding: .utf8)
            let pattern = try NSRegularExpression(pattern: "<(link|guid)[^>]*>([^<]+)</(link|guid)>")
            for match in pattern.matches(in: feed, range: NSRange(feed.startIndex..., in: feed)) {
                if let range = Range(match.range(at: 2), in: feed) { links.append(String(feed[range])) }
            }
        }
        XCTAssertGreaterThanOrEqual(links.count, 20)
        for canonicalizer in canonicalizers {
            for link in links {
                let general = (LinkParts(plain: link) ?? LinkCanonicalizer.parse(link)).flatMap(canonicalizer.canonical)
                XCTAssertEqual(canonicalizer.canonicalize(link), general, link)
                XCTAssertEqual(canonicalizer.clean(link), canonicalizer.cleanWithComponents(link), link)
            }
        }
    }

    func testCleanedLinksAreWhatParsingThemAgainGives() throws {
        let odd = [
            "https://example.com/a b?utm_source=x", "https://example.com/%zz?utm_source=x",
            "https://example.com/é?x=1#f",
            "https://[::1]/x?utm_source=1", "https://example.com/a|b?fbclid=2",
            "https://user@example.com:8080/x?gclid=3#y",
            "https://example.com/x?q=\"quoted\"&utm_medium=a", "https://example.com/%41?x=%7",
            "ftp://example.com/x?utm_source=1",
        ]
        for canonicalizer in canonicalizers {
            for link in Self.links + odd {
                guard let url = URL(string: link) else { continue }
                let parsedAgain =
                    URL(string: canonicalizer.clean(url.absoluteString))?.absoluteString ?? url.absoluteString
                XCTAssertEqual(canonicalizer.cleanedLink(url), parsedAgain, link)
            }
        }
        for canonicalizer in canonicalizers {
            for link in Self.links + odd {
                guard let url = URL(string: link) else { continue }
                let both = canonicalizer.canonicalAndCleanedLink(url)
                XCTAssertEqual(both.canonical, canonicalizer.canonicalize(url.absoluteString), link)
                XCTAssertEqual(both.cleaned, canonicalizer.cleanedLink(url), link)
            }
        }
        XCTAssertTrue(LinkCanonicalizer.isVerbatimURL("https://example.com/a-b_c.d~e/%41?x=1&y=(2)*3#top"))
        XCTAssertFalse(LinkCanonicalizer.isVerbatimURL("https://example.com/a b"))
        XCTAssertFalse(LinkCanonicalizer.isVerbatimURL("https://example.com/%4"))
        XCTAssertFalse(LinkCanonicalizer.isVerbatimURL("https://[::1]/"))
        XCTAssertFalse(LinkCanonicalizer.isVerbatimURL("https://example.com/é"))
        XCTAssertFalse(LinkCanonicalizer.isVerbatimURL("mailto:a@example.com"))
    }

    /// Links and guids are trimmed without `trimmingCharacters` when their ends are printable ASCII: the
    /// result must be what it gives, native, bridged, small or not.
    func testTrimmedIsWhatTrimmingCharactersGives() {
        let texts = [
            "", " ", "a", " a", "a ", "\ta\n", "https://example.com/x", " https://example.com/x\r\n",
            "\u{00A0}x\u{00A0}",
            "é", "xé", "éx", "\u{3000}https://example.com\u{2028}", "~", "\u{7F}a", "a\u{7F}",
            "https://example.com/long-path-0123456789",
        ]
        for text in texts {
            let bridged = NSString(string: text) as String
            for candidate in [text, bridged] {
                XCTAssertEqual(
                    Whitespace.trimmed(candidate), candidate.trimmingCharacters(in: .whitespacesAndNewlines),
                    candidate.debugDescription)
            }
        }
    }

    func testPlainLinksAreFound() {
        var link = "https://example.com/a?b=c#d"
        let parts = link.withUTF8 { PlainLink($0) }
        XCTAssertEqual(parts?.host, 8..<19)
        XCTAssertEqual(parts?.path, 19..<21)
        XCTAssertEqual(parts?.query, 22..<25)
        XCTAssertEqual(parts?.fragment, 26..<27)
        XCTAssertEqual(parts?.isSecure, true)
        XCTAssertEqual(parts?.hasEscapes, false)
        for escaped in ["https://example.com/a%2F", "https://example.com/a?b=%41", "https://example.com/a#%41"] {
            var escaped = escaped
            XCTAssertEqual(escaped.withUTF8 { PlainLink($0)?.hasEscapes }, true, escaped)
        }
    }

    func testByteSetsMatchTheByteRules() {
        for value in 0...255 {
            let byte = UInt8(value)
            let isHost = PlainLink.isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            XCTAssertEqual(PlainLink.hostBytes.contains(byte), isHost, "\(value)")
            XCTAssertEqual(PlainLink.byteKinds[value] & PlainLink.hostKind != 0, isHost, "\(value)")
            XCTAssertEqual(
                PlainLink.byteKinds[value] & PlainLink.plainButQuestionMarkKind != 0,
                PlainLink.isPlainByte(byte) && byte != UInt8(ascii: "?"), "\(value)")
            XCTAssertEqual(
                PlainLink.plainBytesButQuestionMark.contains(byte),
                PlainLink.isPlainByte(byte) && byte != UInt8(ascii: "?"), "\(value)")
        }
    }
}
