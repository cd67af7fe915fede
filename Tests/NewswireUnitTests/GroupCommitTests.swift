import Foundation
import GRDB
import Logging
import NewswireProtocol
import NewswireStore
import SourceAdapterKit
import StoryClustering
import XCTest

@testable import NewswireDaemon

/// Feeds' batches decided in groups while earlier groups are still being written, and stored
/// together: a batch that fails is undone alone, the others are stored and their events numbered
/// without gaps, and an article is one article whether its copies are decided in one group or in
/// two that are in flight at once.
final class GroupCommitTests: XCTestCase {
    private var directory: URL!
    private var store: StateStore!
    private var ingestor: Ingestor!
    private let adapter = GenericFeedAdapter(
        outlet: OutletInfo(id: "wire", name: "Wire", homepage: URL(string: "https://wire.example/")!),
        feeds: [URL(string: "https://wire.example/rss")!])
    private let brokenFeed = "https://broken.example/rss"
    private let now = Date(timeIntervalSince1970: 1_795_000_100)

    override func setUp() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("group-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try StateStore(directory: directory)
        ingestor = Ingestor(
            store: store, hub: EventHub(head: 0), journal: EventJournal(writer: .discarding, outletNames: [:]),
            clustering: StoryClusteringConfiguration(), logger: Logger(label: "test"))
        // A database that refuses one feed's state: that feed's whole batch must fail, alone.
        let trigger = """
            CREATE TRIGGER refuse_broken_feed BEFORE INSERT ON feeds WHEN NEW.url = '\(brokenFeed)'
            BEGIN SELECT RAISE(ABORT, 'injected failure'); END
            """
        try await DatabaseQueue(path: store.path).write { db in try db.execute(sql: trigger) }
    }

    override func tearDown() async throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Three distinct articles of one feed.
    private static func batch(feed: String, topic: String, adapter: GenericFeedAdapter) -> [PreparedArticle] {
        let items = (1...3).map { index in
            ArticleCandidate(
                outlet: "wire", feedURL: URL(string: feed)!,
                url: URL(string: "https://wire.example/\(topic)/\(index)")!, guid: nil,
                title: "\(topic.capitalized) report number \(index) on \(topic) \(index * 7)",
                summary: "Details of the \(topic) story, part \(index), with figures \(index * 13).",
                published: Date(timeIntervalSince1970: 1_795_000_000 + Double(index)), updated: nil, authors: [])
        }
        return PreparedArticle.prepare(items, adapter: adapter, logger: Logger(label: "test"))
    }

    private func ingest(feed: String, topic: String) async -> Result<Ingestor.Counts, StoreError> {
        await Self.ingest(feed: feed, topic: topic, into: ingestor, adapter: adapter, now: now)
    }

    private static func ingest(
        feed: String, topic: String, into ingestor: Ingestor, adapter: GenericFeedAdapter, now: Date
    ) async -> Result<Ingestor.Counts, StoreError> {
        let articles = batch(feed: feed, topic: topic, adapter: adapter)
        let state = FeedState(url: feed, outlet: "wire")
        do {
            return .success(try await ingestor.ingest(articles, now: now) { _ in (state, nil) })
        } catch {
            return .failure(error)
        }
    }

    func testAFailingBatchIsUndoneAloneAndTheOthersAreStored() async throws {
        let topics = ["harbour", "election", "drought", "vaccine", "railway"]
        let (ingestor, adapter, now, brokenFeed) = (ingestor!, adapter, now, brokenFeed)
        // All at once: those waiting while a transaction is written go together into the next one.
        let outcomes = await withTaskGroup(of: (String, Result<Ingestor.Counts, StoreError>).self) { group in
            for topic in topics {
                group.addTask {
                    let feed = "https://wire.example/\(topic)/rss"
                    return (
                        topic, await Self.ingest(feed: feed, topic: topic, into: ingestor, adapter: adapter, now: now)
                    )
                }
            }
            group.addTask {
                (
                    "broken",
                    await Self.ingest(feed: brokenFeed, topic: "satellite", into: ingestor, adapter: adapter, now: now)
                )
            }
            var outcomes: [String: Result<Ingestor.Counts, StoreError>] = [:]
            for await (topic, outcome) in group { outcomes[topic] = outcome }
            return outcomes
        }

        for topic in topics {
            XCTAssertEqual(try outcomes[topic]?.get().new, 3, topic)
        }
        guard case .failure(let error) = outcomes["broken"] else {
            return XCTFail("the broken feed's batch was stored")
        }
        XCTAssertTrue(error.description.contains("injected failure"), error.description)

        let events = try store.events(after: 0, limit: 1000)
        XCTAssertEqual(events.map(\.seq), Array(1...Int64(events.count)), "numbered without gaps")
        let articles = try events.compactMap { stored -> ArticlePayload? in
            try WireCoding.makeDecoder().decode(Event.self, from: Data(stored.line.utf8)).article
        }
        XCTAssertEqual(articles.count, 15)
        XCTAssertFalse(articles.contains { $0.title.contains("Satellite") }, "nothing of the failed batch")

        // Nothing of it stayed in the clustering window or the keys either: once the database
        // accepts the feed, its articles are new.
        try await DatabaseQueue(path: store.path).write { db in try db.execute(sql: "DROP TRIGGER refuse_broken_feed") }
        let again = await ingest(feed: brokenFeed, topic: "satellite")
        XCTAssertEqual(try again.get().new, 3)
        let after = try store.events(after: events.last?.seq ?? 0, limit: 1000)
        XCTAssertEqual(after.first?.seq, Int64(events.count) + 1)
    }

    func testCopiesInGroupsInFlightAreOneArticleAndAFailureDropsNothingElse() async throws {
        // 40 feeds at once, in pairs that publish the same three articles (same links): most pairs
        // are decided in different groups, the second while the first is still being written. One
        // more feed fails in the middle of them.
        let topics = (0..<20).map { "topic\($0)" }
        let (ingestor, adapter, now, brokenFeed) = (ingestor!, adapter, now, brokenFeed)
        let outcomes = await withTaskGroup(of: (String, Result<Ingestor.Counts, StoreError>).self) { group in
            for (number, topic) in topics.enumerated() {
                for copy in ["a", "b"] {
                    group.addTask {
                        let feed = "https://wire.example/\(topic)/\(copy)/rss"
                        return (
                            "\(topic)/\(copy)",
                            await Self.ingest(feed: feed, topic: topic, into: ingestor, adapter: adapter, now: now)
                        )
                    }
                }
                if number == 10 {
                    group.addTask {
                        let outcome = await Self.ingest(
                            feed: brokenFeed, topic: "satellite", into: ingestor, adapter: adapter, now: now)
                        return ("broken", outcome)
                    }
                }
            }
            var outcomes: [String: Result<Ingestor.Counts, StoreError>] = [:]
            for await (name, outcome) in group { outcomes[name] = outcome }
            return outcomes
        }

        for topic in topics {
            let new = try (outcomes["\(topic)/a"]?.get().new ?? -1) + (outcomes["\(topic)/b"]?.get().new ?? -1)
            XCTAssertEqual(new, 3, "\(topic): three articles, new through one feed or the other")
        }
        guard case .failure = outcomes["broken"] else { return XCTFail("the broken feed's batch was stored") }

        let events = try store.events(after: 0, limit: 10_000)
        XCTAssertEqual(events.map(\.seq), Array(1...Int64(events.count)), "numbered without gaps")
        let decoded = try events.map { try WireCoding.makeDecoder().decode(Event.self, from: Data($0.line.utf8)) }
        let newArticles = decoded.filter { $0.type == .articleNew }.compactMap(\.article)
        XCTAssertEqual(newArticles.count, 60)
        XCTAssertEqual(Set(newArticles.map(\.url)).count, 60, "no article is new twice")
        XCTAssertEqual(Set(newArticles.map(\.id)), Set(1...60), "ids follow on without gaps")
        XCTAssertEqual(try store.read { try $0.nextArticleID() }, 61, "60 article rows")
        // Every story an event named is stored (the rows of groups written out of step would not be).
        let storyIDs = Set(decoded.compactMap { $0.story?.id })
        for id in storyIDs { XCTAssertNotNil(try store.read { try $0.story(id: id) }, "story \(id)") }
    }
}
