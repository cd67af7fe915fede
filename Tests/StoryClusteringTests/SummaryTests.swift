import Foundation
import StoryClustering
import XCTest

/// Story summaries: the most central title, the outlets, the size and an extractive brief.
final class SummaryTests: XCTestCase {
    func testSeedStorySummary() throws {
        var clusterer = StoryClusterer()
        let stories = SeedMali.inPublishedOrder.map { clusterer.assign($0).story }
        let summary = try XCTUnwrap(clusterer.summary(of: stories[0]))
        XCTAssertEqual(summary.id, stories[0])
        XCTAssertEqual(summary.articleCount, 5)
        XCTAssertEqual(summary.outlets, ["aljazeera", "france24"], "in order of first coverage")
        let titles = SeedMali.inPublishedOrder.map(\.title)
        XCTAssertTrue(titles.contains(summary.headline), "the headline is one of the titles: \(summary.headline)")
        XCTAssertTrue((2...3).contains(summary.brief.count), "\(summary.brief)")
        let coverage = SeedMali.inPublishedOrder.flatMap { [$0.title, $0.summary] }
        for sentence in summary.brief {
            XCTAssertTrue(coverage.contains { $0.contains(sentence) }, "extracted, not generated: \(sentence)")
            XCTAssertNotEqual(sentence, summary.headline)
        }
        XCTAssertEqual(Set(summary.brief).count, summary.brief.count)
        print("seed summary: \(summary.headline) | \(summary.brief)")
    }

    func testHeadlineIsTheMostCentralTitle() throws {
        var clusterer = StoryClusterer()
        let items = [
            article("1", "Chiquita and Fyffes merge to create banana giant"),
            article("2", "World has a new top banana"),
            article("3", "Chiquita to buy Fyffes, creating world's biggest banana company"),
            article("4", "Chiquita Fyffes merger creates biggest banana supplier"),
        ]
        let stories = items.map { clusterer.assign($0).story }
        let summary = try XCTUnwrap(clusterer.summary(of: stories[0]))
        XCTAssertEqual(Set(stories).count, 1)
        XCTAssertNotEqual(summary.headline, "World has a new top banana", "the least central title")
    }

    func testUnknownStoryHasNoSummary() {
        XCTAssertNil(StoryClusterer().summary(of: 42))
    }
}
