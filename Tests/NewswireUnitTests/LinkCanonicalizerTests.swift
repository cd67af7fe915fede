import SourceAdapterKit
import XCTest

final class LinkCanonicalizerTests: XCTestCase {
    private let aljazeera = LinkCanonicalizer(outletRules: LinkRules(trackingParameters: ["traffic_source"]))

    func testSeedSpellingsOfOneArticleAreOneKey() {
        let spellings = [
            "https://www.aljazeera.com/program/inside-story/2026/11/23/whats-driving-attacks?traffic_source=rss",
            "http://aljazeera.com/program/inside-story/2026/11/23/whats-driving-attacks/",
            "https://WWW.AlJazeera.com:443/program/inside-story/2026/11/23/whats-driving-attacks#comments",
            "https://www.aljazeera.com/program/inside-story/2026/11/23/whats-driving-attacks?utm_source=rss&utm_medium=africa",
        ]
        let keys = Set(spellings.compactMap(aljazeera.canonicalize))
        XCTAssertEqual(keys, ["https://aljazeera.com/program/inside-story/2026/11/23/whats-driving-attacks"])
    }

    func testMeaningfulQueryIsKeptAndSorted() {
        XCTAssertEqual(
            aljazeera.canonicalize("https://example.com/story?id=42&b=2&utm_campaign=x&a=1"),
            "https://example.com/story?a=1&b=2&id=42")
    }

    func testGlobalTrackingParameters() {
        let plain = LinkCanonicalizer()
        for parameter in [
            "fbclid=1", "gclid=2", "mc_cid=3", "at_medium=RSS", "at_campaign=KARANGA", "xtor=RSS-3208",
            "smid=tw", "cmpid=rss", "ocid=msn", "partner=rss", "traffic_source=rss",
        ] {
            XCTAssertEqual(
                plain.canonicalize("https://www.bbc.com/news/world-1?\(parameter)"),
                "https://bbc.com/news/world-1", parameter)
        }
    }

    func testPercentEncodingIsNormalised() {
        XCTAssertEqual(
            aljazeera.canonicalize("https://example.com/a%2db/%c3%a9t%C3%A9"),
            "https://example.com/a-b/%C3%A9t%C3%A9")
    }

    func testDefaultPortsDroppedOtherPortsKept() {
        XCTAssertEqual(aljazeera.canonicalize("http://example.com:80/x"), "https://example.com/x")
        XCTAssertEqual(aljazeera.canonicalize("http://127.0.0.1:8080/x"), "https://127.0.0.1:8080/x")
    }

    func testNonHTTPLinksHaveNoKey() {
        XCTAssertNil(aljazeera.canonicalize("mailto:desk@example.com"))
        XCTAssertNil(aljazeera.canonicalize("javascript:alert(1)"))
        XCTAssertNil(aljazeera.canonicalize("not a url"))
    }

    func testAMPVariantsFolded() {
        let france24 = LinkCanonicalizer(outletRules: LinkRules(ampPathPrefixes: ["/amp"]))
        XCTAssertEqual(
            france24.canonicalize("https://www.france24.com/amp/en/africa/20261123-mali"),
            "https://france24.com/en/africa/20261123-mali")
        XCTAssertEqual(
            france24.canonicalize("https://www.france24.com/en/africa/20261123-mali/amp"),
            "https://france24.com/en/africa/20261123-mali")
    }

    func testNonASCIILinksStillCanonicalize() {
        XCTAssertEqual(
            aljazeera.canonicalize(" https://www.dw.com/uk/новини/a-123?maca=ukr-rss "),
            "https://dw.com/uk/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B8/a-123")
    }

    func testCleanLinkKeepsWhatThePublisherWroteButTheTracking() {
        XCTAssertEqual(
            aljazeera.clean("https://www.aljazeera.com/news/x?traffic_source=rss&page=2&utm_medium=africa#comments"),
            "https://www.aljazeera.com/news/x?page=2")
        XCTAssertEqual(aljazeera.clean("https://www.aljazeera.com/news/x?utm_source=rss"),
                       "https://www.aljazeera.com/news/x")
    }
}
