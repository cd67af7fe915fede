import Foundation
import XCTest

/// `[stories] quiet_period` reaches the running daemon: once a story has been quiet for that long,
/// measured on the articles' dates, later coverage of the same event starts a new story. (That the
/// closed story also leaves memory is `IngestTrapsTests`' window test.)
final class StoryQuietPeriodTests: XCTestCase {
    private static let eruption = FeedBuilder.Item(
        title: "Volcano erupts on Pacific island of Tavua, villages evacuated",
        link: "https://example.org/world/tavua-eruption",
        summary: "Lava and ash from the Tavua volcano forced thousands of islanders from their homes overnight.",
        published: "Mon, 23 Nov 2026 09:00:00 +0000")
    /// Half an hour later: joins the eruption's story (which shows the words are enough to).
    private static let evacuation = FeedBuilder.Item(
        title: "Tavua volcano: islanders evacuated as lava reaches coastal villages",
        link: "https://example.org/world/tavua-evacuation",
        summary: "Rescue boats carried evacuated islanders away from Tavua as the volcano kept erupting.",
        published: "Mon, 23 Nov 2026 09:30:00 +0000")
    /// Two and a half hours after that, with a quiet period of one hour: the story has closed.
    private static let aftermath = FeedBuilder.Item(
        title: "Tavua volcano keeps erupting as evacuated islanders wait to return",
        link: "https://example.org/world/tavua-aftermath",
        summary: "Islanders evacuated from the villages of Tavua wait on boats while lava from the volcano cools.",
        published: "Mon, 23 Nov 2026 12:00:00 +0000")

    func testCoverageAfterTheQuietPeriodStartsANewStory() async throws {
        let wire = try await WireHarness.start(
            self, name: "quiet-period", items: [Self.eruption],
            extraConfig: """
                [stories]
                quiet_period = "1h"
                """)
        let subscriber = try EventSubscriber(path: wire.daemon.socketPath, firstLine: #"{"since":0}"#)
        let eruptionStory = try await storyOfArticle(1, titled: Self.eruption.title, subscriber)

        wire.publish([Self.eruption, Self.evacuation])
        let evacuationStory = try await storyOfArticle(2, titled: Self.evacuation.title, subscriber)
        XCTAssertEqual(evacuationStory, eruptionStory, "half an hour later, the same story")

        wire.publish([Self.eruption, Self.evacuation, Self.aftermath])
        let aftermathStory = try await storyOfArticle(3, titled: Self.aftermath.title, subscriber)
        XCTAssertNotEqual(aftermathStory, eruptionStory, "the story had been quiet for 2.5 h of a 1 h quiet period")
        try await subscriber.wait(for: "story.new of the new story") { lines, _ in
            lines.contains { $0["type"] as? String == "story.new" && $0.storyID == aftermathStory }
        }
        let status = try await wire.daemon.stop()
        XCTAssertEqual(status, 0)
    }

    /// Waits for the `article.new` numbered `count` and returns its story id, checking its title.
    private func storyOfArticle(
        _ count: Int, titled title: String, _ subscriber: EventSubscriber
    ) async throws -> Int64 {
        try await subscriber.wait(for: "article.new number \(count)") { lines, _ in
            lines.filter { $0["type"] as? String == "article.new" }.count >= count
        }
        let event = subscriber.events.filter { $0["type"] as? String == "article.new" }[count - 1]
        XCTAssertEqual(event.articleTitle, title)
        return try XCTUnwrap(event.storyID, "article.new carries its story")
    }
}
