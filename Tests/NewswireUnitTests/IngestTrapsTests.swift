import Foundation
import Logging
import NewswireProtocol
import NewswireStore
import SourceAdapterKit
import StoryClustering
import XCTest

@testable import NewswireDaemon

/// Real-world feed behaviours that must not produce a second `article.new`, run through the real
/// ingest path on a real SQLite file.
final class IngestTrapsTests: XCTestCase {
    private var directory: URL!
    private var store: StateStore!
    private var hub: EventHub!
    private var ingestor: Ingestor!
    private let adapter = GenericFeedAdapter(
        outlet: OutletInfo(id: "wire", name: "Wire", homepage: URL(string: "https://wire.example/")!),
        feeds: [URL(string: "https://wire.example/rss")!])

    override func setUp() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try StateStore(directory: directory)
        hub = EventHub(head: 0)
        ingestor = Ingestor(
            store: store, hub: hub,
            journal: EventJournal(writer: .discarding, outletNames: [:]),
            clustering: StoryClusteringConfiguration(), logger: Logger(label: "test"))
    }

    override func tearDown() async throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func item(
        _ link: String, guid: String? = nil, title: String, summary: String,
        published: TimeInterval = 1_795_000_000, feed: String = "https://wire.example/rss"
    )
        -> ArticleCandidate
    {
        ArticleCandidate(
            outlet: "wire", feedURL: URL(string: feed)!, url: URL(string: link)!, guid: guid ?? link,
            title: title, summary: summary, published: Date(timeIntervalSince1970: published),
            updated: nil, authors: [])
    }

    private func ingest(_ items: [ArticleCandidate]) async throws -> [String] {
        let before = try store.lastSequence()
        let feedState = FeedState(url: items.first?.feedURL.absoluteString ?? "x", outlet: "wire")
        let articles = PreparedArticle.prepare(items, adapter: adapter, logger: Logger(label: "test"))
        _ = try await ingestor.ingest(articles, now: Date(timeIntervalSince1970: 1_795_000_100)) { _ in
            (feedState, nil)
        }
        return try store.events(after: before, limit: 1000).map { stored in
            let event = try WireCoding.makeDecoder().decode(Event.self, from: Data(stored.line.utf8))
            return event.type.rawValue
        }.filter { $0.hasPrefix("article.") }
    }

    private func expect(
        _ items: [ArticleCandidate], _ expected: [String], _ message: String = "",
        line: UInt = #line
    ) async throws {
        let got = try await ingest(items)
        XCTAssertEqual(got, expected, message, line: line)
    }

    private let a = (
        link: "https://wire.example/2026/11/23/quake-hits-coast", title: "Strong earthquake hits coast",
        summary: "A magnitude 7.1 earthquake struck off the coast early on Monday, officials said."
    )
    private let b = (
        link: "https://wire.example/2026/11/23/rates-rise", title: "Central bank raises rates",
        summary: "The central bank raised its benchmark rate by half a point to curb inflation."
    )

    func testAWindowReleasedWhenIdleIsRestoredForTheNextArticle() async throws {
        let before = try store.lastSequence()
        try await expect([item(a.link, title: a.title, summary: a.summary)], ["article.new"])
        let released = await ingestor.releaseIdleMemory()
        XCTAssertEqual(released, 1, "the window held the one article")
        let releasedAgain = await ingestor.releaseIdleMemory()
        XCTAssertEqual(releasedAgain, 0, "nothing in memory until an article needs it")

        let followUp = item(
            "https://wire.example/2026/11/23/quake-coast-tsunami",
            title: "Earthquake hits coast, tsunami warning issued",
            summary: "A tsunami warning followed the magnitude 7.1 earthquake off the coast.",
            published: 1_795_001_800)
        try await expect([followUp], ["article.new"])
        let stories = try store.events(after: before, limit: 100).compactMap { stored -> (String, Int)? in
            let event = try? WireCoding.makeDecoder().decode(Event.self, from: Data(stored.line.utf8))
            guard let event, let story = event.story, event.type.rawValue.hasPrefix("story.") else { return nil }
            return (event.type.rawValue, story.articles ?? 0)
        }
        XCTAssertEqual(stories.map(\.0), ["story.new", "story.updated"], "the restored window knew the first story")
        XCTAssertEqual(stories.last?.1, 2)
    }

    func testStoriesLeaveTheWindowAfterTheQuietPeriodWhileTheDaemonIsBusy() async throws {
        // Ten days of a busy stream, four unrelated articles an hour, never idle: stories close as
        // they go quiet, so the window holds about two days of articles, not the whole history.
        let start: TimeInterval = 1_795_000_000
        let hour: TimeInterval = 3600
        let perHour = 4
        var words = WordStream()
        var largest = 0
        for hourIndex in 0..<240 {
            let time = start + Double(hourIndex) * hour
            var batch = (0..<perHour).map { index in
                item(
                    "https://wire.example/\(hourIndex)/\(index)", title: words.sentence(8), summary: words.sentence(24),
                    published: time)
            }
            if hourIndex == 0 {
                // A date a century ahead counts as now: it must not keep its story open for ever.
                batch.append(
                    item(
                        "https://wire.example/from-the-future", title: words.sentence(8), summary: words.sentence(24),
                        published: start + 100 * 365 * 24 * hour))
            }
            let articles = PreparedArticle.prepare(batch, adapter: adapter, logger: Logger(label: "test"))
            let counts = try await ingestor.ingest(articles, now: Date(timeIntervalSince1970: time + 60)) { _ in
                (FeedState(url: "https://wire.example/rss", outlet: "wire"), nil)
            }
            XCTAssertEqual(counts.new, batch.count, "hour \(hourIndex): unrelated articles are all new")
            let held = await ingestor.windowArticleCount
            largest = max(largest, held)
            if hourIndex >= 49 {
                // The stories of the last 48 h and the hour's own: nothing older, nothing from "the future".
                XCTAssertEqual(held, 49 * perHour, "hour \(hourIndex)")
            }
        }
        XCTAssertEqual(largest, 49 * perHour + 1, "the future-dated story closed with its hour's stories")
        let stored = try store.lastSequence()
        XCTAssertGreaterThanOrEqual(stored, Int64(240 * perHour * 2), "every article and its story event is stored")
    }

    /// A feed lists each article once: items side by side at different links are different articles,
    /// whatever guid they share (a reused one, or the home page as every item's guid) and however
    /// alike their summaries (QA: one of them was lost, the other given its link).
    func testItemsListedSideBySideAtDifferentLinksAreDifferentArticles() async throws {
        try await expect(
            [
                item(a.link, guid: "story-1", title: a.title, summary: a.summary),
                item(b.link, guid: "story-1", title: b.title, summary: b.summary),
            ], ["article.new", "article.new"], "one reused guid")
        let stories = [
            ("Storm closes airports across the north", "Flights were cancelled as winds reached hurricane strength."),
            ("Parliament passes new data protection law", "Lawmakers approved stricter rules for personal data."),
            ("Championship final ends in penalty shootout", "The goalkeeper saved two penalties as the underdogs won."),
        ]
        try await expect(
            stories.enumerated().map { index, story in
                item(
                    "https://wire.example/news/\(index)", guid: "https://wire.example/", title: story.0,
                    summary: story.1)
            }, ["article.new", "article.new", "article.new"], "the home page as every guid")
        let boilerplate = "The best pictures from around the world, chosen by our photo editors for you today."
        try await expect(
            [
                item(
                    "https://wire.example/gallery/2026/dec/03/photos", title: "Photos of the day: 3 December",
                    summary: boilerplate),
                item(
                    "https://wire.example/gallery/2026/dec/04/photos", title: "Photos of the day: 4 December",
                    summary: boilerplate, published: 1_795_086_400),
            ], ["article.new", "article.new"], "a templated summary")
        // The same article reached again through another feed, at another link, is still one.
        try await expect(
            [
                item(
                    a.link + "?section=world", guid: "story-1", title: a.title, summary: a.summary,
                    feed: "https://wire.example/world/rss")
            ], [])
    }

    func testRedatedReorderedDroppedAndReaddedItemsAreNotNew() async throws {
        let first = [
            item(a.link, title: a.title, summary: a.summary), item(b.link, title: b.title, summary: b.summary),
        ]
        try await expect(first, ["article.new", "article.new"])
        // Re-dated on every fetch.
        try await expect(
            first.map {
                var c = $0; c.published = Date(); return c
            }, [])
        // Reordered.
        try await expect(first.reversed(), [])
        // Dropped, then re-added.
        try await expect([first[0]], [])
        try await expect(first, [])
    }

    func testSameArticleInTwoSectionsOfOneOutlet() async throws {
        try await expect(
            [
                item(
                    a.link + "?section=world", guid: "urn:wire:4711", title: a.title,
                    summary: a.summary, feed: "https://wire.example/world/rss")
            ],
            ["article.new"])
        try await expect(
            [
                item(
                    "https://wire.example/asia/2026/11/23/quake-hits-coast",
                    guid: "urn:wire:4711", title: a.title, summary: a.summary,
                    feed: "https://wire.example/asia/rss")
            ], [])
    }

    func testSlugInGuidChangingWithTheHeadlineIsAnUpdate() async throws {
        try await expect([item(a.link, title: a.title, summary: a.summary)], ["article.new"])
        let retitled = item(
            "https://wire.example/2026/11/23/quake-kills-dozens",
            title: "Strong earthquake kills dozens on coast",
            summary: a.summary, published: 1_795_003_600)
        try await expect([retitled], ["article.updated"])
        // The revision moved the article: readers get its new link (QA: the event kept the old one).
        let line = try XCTUnwrap(try store.events(after: 0, limit: 100).last?.line)
        let update = try WireCoding.makeDecoder().decode(Event.self, from: Data(line.utf8))
        XCTAssertEqual(update.article?.url, "https://wire.example/2026/11/23/quake-kills-dozens")
        XCTAssertEqual(update.changes, ["title", "url"])
        try await expect([retitled], [])
    }

    func testRepublishedAtANewLinkIsTheSameArticle() async throws {
        try await expect([item(a.link, title: a.title, summary: a.summary)], ["article.new"])
        try await expect(
            [
                item(
                    "https://wire.example/news/998877", title: a.title,
                    summary: a.summary)
            ], [])
    }

    func testGenericHeadlinesAtDifferentLinksAreDifferentArticles() async throws {
        let one = item(
            "https://wire.example/live/ukraine-1", title: "Live updates",
            summary: "Follow the latest on the war in Ukraine as talks resume in Geneva.")
        let two = item(
            "https://wire.example/live/election-2", title: "Live updates",
            summary: "Polls have closed in the state election; counting continues overnight.")
        try await expect([one, two], ["article.new", "article.new"])
    }

    func testASiblingFeedThatRedatesItsItemsNeverHidesARevision() async throws {
        let redating = "https://wire.example/latest/rss"
        // The re-dating feed is read first: its copy carries the time of that fetch, not the article's.
        try await expect(
            [item(a.link, title: a.title, summary: a.summary, published: 1_795_003_600, feed: redating)],
            ["article.new"])
        // The section feed gives the article's own date.
        try await expect([item(a.link, title: a.title, summary: a.summary, published: 1_795_000_000)], [])
        try await expect(
            [item(a.link, title: a.title, summary: a.summary, published: 1_795_007_200, feed: redating)], [])
        // The revision keeps its publication date, as most feeds do: it is a revision all the same.
        let revised = item(
            a.link, title: "Strong earthquake hits coast; tsunami warning issued", summary: a.summary,
            published: 1_795_000_000)
        try await expect([revised], ["article.updated"], "the revision is not older than the article")
        // The re-dating feed still lists the first version, dated later: an older version all the same.
        try await expect(
            [item(a.link, title: a.title, summary: a.summary, published: 1_795_010_800, feed: redating)], [],
            "the first version, re-dated, does not revert the revision")
        try await expect([revised], [])
    }

    func testOlderCopyThroughAnotherFeedNeverReverts() async throws {
        let old = item(a.link, title: a.title, summary: a.summary, published: 1_795_000_000)
        let new = item(
            a.link, title: a.title, summary: a.summary + " A tsunami warning was issued.",
            published: 1_795_007_200, feed: "https://wire.example/asia/rss")
        try await expect([old], ["article.new"])
        try await expect([new], ["article.updated"])
        for _ in 0..<3 {
            try await expect([old], [], "the older copy is ignored")
            try await expect([new], [], "and the newer one is current")
        }
    }
}

/// Made-up words that no two articles share by chance (a fixed sequence, so runs are identical).
private struct WordStream {
    private var state: UInt64 = 0x2545_F491_4F6C_DD1D
    private static let syllables = ["ka", "lo", "mi", "ren", "tas", "vu", "zel", "por", "dim", "sha", "gor", "fen"]

    mutating func sentence(_ count: Int) -> String {
        (0..<count).map { _ in word() }.joined(separator: " ")
    }

    private mutating func word() -> String {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return (0..<4).map { Self.syllables[Int((state >> (UInt64($0) * 8)) % 12)] }.joined()
    }
}
