import XCTest

@testable import SourceAdapterKit

/// The hand-made split of plain links agrees with `URLComponents`, and leaves it everything else.
final class LinkPartsTests: XCTestCase {
    func testPlainLinksSplitAsURLComponentsSplitsThem() {
        let links = [
            "https://www.aljazeera.com/program/inside-story/2026/11/23/whats-driving-attacks?traffic_source=rss",
            "http://WWW.Example.COM/a/b/?utm_source=x&id=3#comments",
            "https://example.com", "https://example.com/", "https://example.com?", "https://example.com?a=1",
            "https://example.com#top", "https://example.com/a%2db/%c3%a9t%C3%A9?q=%20x", "HTTPS://example.com./x",
            "https://example.com/a:b/c;d=e,f/(g)*'h'!$+~_.-?x=y?z&&w=&=v#frag/ment?",
            "https://example.com/path//double/", "http://a-b.c0m/x?y=1#",
        ]
        for link in links {
            let plain = LinkParts(plain: link)
            XCTAssertNotNil(plain, link)
            XCTAssertEqual(plain, LinkCanonicalizer.parse(link), link)
        }
    }

    func testOtherLinksAreLeftToURLComponents() {
        for link in [
            "https://user@example.com/x", "https://example.com:8080/x", "https://[::1]/x", "ftp://example.com/x",
            "https://example.com/a b", "https://example.com/%zz", "https://example.com/x#a#b", "https://exämple.com/",
            "https://example.com/é", "https:/example.com", "https://", "example.com/x", "https://ex_ample.com/",
            "https://example.com/\"q\"", "https://example.com/x|y", "https://example.com/{x}",
        ] {
            XCTAssertNil(LinkParts(plain: link), link)
        }
    }
}
