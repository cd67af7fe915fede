import Foundation
import SourceAdapterKit
import XCTest

@testable import ArticleIdentity

final class ArticleIdentityTests: XCTestCase {
    private func candidate(url: String, guid: String?, outlet: String = "aljazeera") -> ArticleCandidate {
        ArticleCandidate(
            outlet: outlet, feedURL: URL(string: "https://example.com/feed")!, url: URL(string: url)!,
            guid: guid, title: "t", summary: "s", published: nil, updated: nil, authors: [])
    }

    func testKeysIncludeCanonicalLinkAndOutletScopedGuid() throws {
        let keys = try XCTUnwrap(
            IdentityKeys(
                candidate: candidate(
                    url: "https://www.aljazeera.com/news/x?traffic_source=rss",
                    guid: "aljazeera-post-4219870"),
                canonicalizer: LinkCanonicalizer(outletRules: LinkRules(trackingParameters: ["traffic_source"]))))
        XCTAssertEqual(keys.canonicalLink, "https://aljazeera.com/news/x")
        XCTAssertEqual(keys.all, ["url:https://aljazeera.com/news/x", "guid:aljazeera:aljazeera-post-4219870"])
    }

    func testURLGuidGetsAPathKeySoASchemeSwitchIsNotNew() throws {
        let canonicalizer = LinkCanonicalizer()
        let old = try XCTUnwrap(
            IdentityKeys(
                candidate: candidate(url: "http://a.com/1", guid: "http://www.a.com/p/1"),
                canonicalizer: canonicalizer))
        let new = try XCTUnwrap(
            IdentityKeys(
                candidate: candidate(url: "https://b.com/2", guid: "https://a.com/p/1"),
                canonicalizer: canonicalizer))
        XCTAssertFalse(Set(old.all).isDisjoint(with: new.all))
    }

    func testSameGuidInTwoOutletsIsTwoArticles() throws {
        let canonicalizer = LinkCanonicalizer()
        let one = try XCTUnwrap(
            IdentityKeys(
                candidate: candidate(url: "https://a.com/1", guid: "12345", outlet: "a"),
                canonicalizer: canonicalizer))
        let two = try XCTUnwrap(
            IdentityKeys(
                candidate: candidate(url: "https://b.com/1", guid: "12345", outlet: "b"),
                canonicalizer: canonicalizer))
        XCTAssertTrue(Set(one.all).isDisjoint(with: two.all))
    }

    func testTypographicQuotesDoNotMakeAVersion() {
        let curly = ArticleContent(
            title: "What’s driving attacks against gov’t", summary: "A  summary.",
            versionDate: nil)
        let straight = ArticleContent(
            title: "What's driving attacks against gov't", summary: "A summary.",
            versionDate: nil)
        XCTAssertEqual(curly.fingerprint, straight.fingerprint)
        XCTAssertEqual(
            RevisionDecision.decide(
                current: curly, seenFingerprints: [curly.fingerprint],
                incoming: straight), .unchanged)
    }

    func testRewordedSummaryWithLaterDateIsARevision() {
        let old = ArticleContent(
            title: "Armed groups stage attacks", summary: "Armed groups have launched attacks.",
            versionDate: Date(timeIntervalSince1970: 1_000))
        let new = ArticleContent(
            title: "Armed groups stage attacks", summary: "Armed groups have executed attacks.",
            versionDate: Date(timeIntervalSince1970: 5_000))
        XCTAssertEqual(
            RevisionDecision.decide(current: old, seenFingerprints: [old.fingerprint], incoming: new),
            .revised(changes: ["summary"]))
        // The older copy seen again through the other feed never reverts the newer one…
        XCTAssertEqual(
            RevisionDecision.decide(
                current: new, seenFingerprints: [old.fingerprint, new.fingerprint],
                incoming: old), .staleCopy)
    }

    func testTheSameTextDatedEarlierMovesTheVersionDateBack() {
        let redated = ArticleContent(
            title: "Armed groups stage attacks", summary: "Armed groups have launched attacks.",
            versionDate: Date(timeIntervalSince1970: 9_000))
        var own = redated
        own.versionDate = Date(timeIntervalSince1970: 1_000)
        XCTAssertEqual(
            RevisionDecision.decide(current: redated, seenFingerprints: [redated.fingerprint], incoming: own),
            .unchangedDatedEarlier(versionDate: Date(timeIntervalSince1970: 1_000)))
        // Dated later, or not dated at all, it changes nothing.
        XCTAssertEqual(
            RevisionDecision.decide(current: own, seenFingerprints: [own.fingerprint], incoming: redated), .unchanged)
        own.versionDate = nil
        XCTAssertEqual(
            RevisionDecision.decide(current: redated, seenFingerprints: [redated.fingerprint], incoming: own),
            .unchanged)
    }

    func testTwoFeedsDisagreeingWithoutDatesDoNotFlap() {
        let a = ArticleContent(title: "Title A", summary: "x", versionDate: nil)
        let b = ArticleContent(title: "Title B", summary: "x", versionDate: nil)
        // First poll: A stored. B (unseen) is a retitle: one update.
        XCTAssertEqual(
            RevisionDecision.decide(current: a, seenFingerprints: [a.fingerprint], incoming: b),
            .revised(changes: ["title"]))
        // From then on A is a version already seen, and B is current: nothing, on every poll.
        let seen: Set = [a.fingerprint, b.fingerprint]
        XCTAssertEqual(RevisionDecision.decide(current: b, seenFingerprints: seen, incoming: a), .staleCopy)
        XCTAssertEqual(RevisionDecision.decide(current: b, seenFingerprints: seen, incoming: b), .unchanged)
    }

    func testFoldingHandlesASCIIAndTheRestAlike() {
        XCTAssertEqual(
            TextFolding.fold("  Über DIE  Brücke\u{2014}“Quoted”\u{00A0}text\t`x´ "),
            "über die brücke-\"quoted\" text 'x'")
        XCTAssertEqual(
            NearDuplicate.hints(outlet: "o", title: "Live updates", summary: ""), [],
            "a short title alone finds nothing")
    }

    func testNearDuplicateHintsKeepTheirStoredValues() {
        // Hints are stored: they are the FNV-1a hash (base 36) of the first or last eight folded words
        // joined by spaces, and must not change from one version to the next.
        let summary =
            "Rebels attacked Bamako’s airport on Tuesday, the army said; at least 12 people were killed "
            + "and 30 wounded in the “coordinated” assault."
        XCTAssertEqual(
            NearDuplicate.hints(outlet: "o", title: "", summary: summary),
            ["s:o:2s7kk9sq38gvd", "e:o:1fyeyajjaiwfr"])
        XCTAssertEqual(
            NearDuplicate.hints(
                outlet: "o", title: "Mali junta says rebels attacked Bamako airport overnight",
                summary: ""), ["t:o:kqb784vxtmc6"])
    }

    func testFingerprintsKeepTheirStoredValues() {
        // Fingerprints of versions are stored: FNV-1a (hex) of the folded title, U+001F, the folded summary.
        let content = ArticleContent(
            title: "  Über DIE  Brücke\u{2014}“Quoted”\u{00A0}text\t`x´ ",
            summary: "Rebels Attacked  the AIRPORT.", versionDate: nil)
        XCTAssertEqual(content.fingerprint, "f7752429f8d86e94")
    }
}

/// `IdentityKeys.hasFourCharacters` tests four leading ASCII bytes before counting characters: it must
/// say what `count >= 4` says.
final class GuidLengthTests: XCTestCase {
    func testFourCharactersAsCountSaysThem() {
        let texts = [
            "", "a", "abc", "abcd", "abcde", "\r\n\r\n", "\r\nab", "ab\r\n", "abc\r\n", "a\r\nbc", "a\r\nb\r\n",
            "e\u{301}abc", "abce\u{301}", "ab\u{301}c", "ab🙂", "ab🙂c", "👨‍👩‍👧‍👦abc", "日本語", "日本語です", "🇫🇷🇩🇪",
            "abc\u{301}", "\n\r\n\r", "a\rb\r", "\t\t\t\t",
        ]
        for text in texts {
            XCTAssertEqual(IdentityKeys.hasFourCharacters(text), text.count >= 4, text.debugDescription)
        }
    }
}
