import Foundation
import NewswireStore
import XCTest

/// Deciding while earlier decisions are still being written: a `PlanningTransaction` reads the
/// store as it will stand once the plans in flight are committed, on a real SQLite file.
final class PlanningTransactionTests: XCTestCase {
    private var directory: URL!
    private var store: StateStore!
    private let now = Date(timeIntervalSince1970: 1_795_000_000)

    override func setUp() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try StateStore(directory: directory)
    }

    override func tearDown() async throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func article(_ title: String, story: Int64) -> StoredArticle {
        StoredArticle(
            outlet: "wire", url: "https://wire.example/\(title)", canonicalURL: "https://wire.example/\(title)",
            guid: nil, title: title, summary: "About \(title).", authors: [], published: now, versionDate: nil,
            fingerprint: "fp-\(title)", firstSeen: now, storyID: story)
    }

    private func story(_ id: Int64, headline: String) -> StoredStory {
        StoredStory(
            id: id, headline: headline, outlets: ["wire"], articleCount: 1, brief: [], created: now, lastActivity: now)
    }

    /// Decides plan `number` on a fresh read snapshot.
    private func decide<T>(
        _ number: Int, in inFlight: WritesInFlight, _ body: (PlanningTransaction) throws -> T
    ) throws -> (T, [PlannedWrite]) {
        try store.read { reader in
            let tx = PlanningTransaction(reader: reader, inFlight: inFlight, plan: number)
            return (try body(tx), tx.writes)
        }
    }

    func testAPlanSeesWhatThePlansInFlightWillHaveWritten() throws {
        let inFlight = WritesInFlight()
        let (first, firstWrites) = try decide(0, in: inFlight) { tx in
            try tx.saveStory(story(1, headline: "Harbour fire"))
            let id = try tx.insertArticle(
                article("harbour", story: 1), keys: ["link:harbour", "guid:7"], joinScore: nil, joinTerms: nil)
            try tx.addHints(["hint:harbour"], to: id)
            let event = try tx.appendEvent(type: "article.new", time: now, outlet: "wire") { "line \($0)" }
            return (id, event.seq)
        }
        XCTAssertEqual(first.0, 1)
        XCTAssertEqual(first.1, 1)
        XCTAssertNil(try store.read { try $0.article(forKeys: ["guid:7"]) }, "nothing is written while deciding")

        // Plan 1, decided before plan 0 is written, sees its article, story, hints and counters.
        let (second, _) = try decide(1, in: inFlight) { tx in
            let known = try tx.article(forKeys: ["guid:7", "other"])
            XCTAssertEqual(known?.id, first.0)
            XCTAssertEqual(known?.title, "harbour")
            XCTAssertEqual(try tx.articles(sharingHints: ["hint:harbour"], limit: 8).map(\.id), [first.0])
            XCTAssertEqual(try tx.versions(of: first.0), ["fp-harbour"])
            XCTAssertEqual(try tx.story(id: 1)?.headline, "Harbour fire")
            XCTAssertEqual(try tx.nextArticleID(), first.0 + 1)
            // A story merged in flight: the article reads as the survivor's.
            try tx.saveStory(story(2, headline: "Port disaster"))
            try tx.mergeStory(1, into: 2)
            XCTAssertEqual(try tx.article(forKeys: ["link:harbour"])?.storyID, 2)
            return try tx.appendEvent(type: "story.updated", time: now, outlet: "wire") { "line \($0)" }.seq
        }
        XCTAssertEqual(second, 2, "sequence numbers go on from the plan in flight")

        // Plan 0 committed: the store answers for it, the same way.
        try store.write { try $0.perform(firstWrites) }
        inFlight.forget(plan: 0)
        let (afterCommit, _) = try decide(2, in: inFlight) { tx in
            (try tx.article(forKeys: ["guid:7"])?.storyID, try tx.story(id: 2)?.headline, try tx.nextArticleID())
        }
        XCTAssertEqual(afterCommit.0, 2, "plan 1's merge is still in flight")
        XCTAssertEqual(afterCommit.1, "Port disaster")
        XCTAssertEqual(afterCommit.2, first.0 + 1)
        XCTAssertEqual(try store.events(after: 0, limit: 10).map(\.line), ["line 1"])
    }

    func testAKeyStoredAlreadyWinsOverTheSameKeyInFlight() throws {
        let inFlight = WritesInFlight()
        let (stored, writes) = try decide(0, in: inFlight) { tx in
            try tx.saveStory(story(1, headline: "Vote"))
            return try tx.insertArticle(article("vote", story: 1), keys: ["link:vote"], joinScore: nil, joinTerms: nil)
        }
        try store.write { try $0.perform(writes) }
        inFlight.forget(plan: 0)

        let (found, _) = try decide(1, in: inFlight) { tx in
            let other = try tx.insertArticle(
                article("recount", story: 1), keys: ["link:recount"], joinScore: nil, joinTerms: nil)
            try tx.addKeys(["link:vote"], to: other)  // INSERT OR IGNORE leaves the key to its article
            return try tx.article(forKeys: ["link:vote"])?.id
        }
        XCTAssertEqual(found, stored)
    }

    func testAnUpdateInFlightIsTheVersionLaterPlansSee() throws {
        let inFlight = WritesInFlight()
        let (id, writes) = try decide(0, in: inFlight) { tx in
            try tx.saveStory(story(1, headline: "Drought"))
            return try tx.insertArticle(
                article("drought", story: 1), keys: ["link:drought"], joinScore: nil, joinTerms: nil)
        }
        try store.write { try $0.perform(writes) }
        inFlight.forget(plan: 0)

        _ = try decide(1, in: inFlight) { tx in
            var revised = try XCTUnwrap(tx.article(forKeys: ["link:drought"]))
            revised.title = "Drought worsens"
            revised.fingerprint = "fp-drought-2"
            try tx.updateArticle(revised)
        }
        let (seen, _) = try decide(2, in: inFlight) { tx in
            (try tx.article(forKeys: ["link:drought"]), try tx.versions(of: id))
        }
        XCTAssertEqual(seen.0?.title, "Drought worsens")
        XCTAssertEqual(seen.0?.storyID, 1, "columns an update leaves alone are kept")
        XCTAssertEqual(seen.1, ["fp-drought", "fp-drought-2"])
    }
}
