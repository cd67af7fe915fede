import Foundation
import StoryClustering
import SyntheticNews
import XCTest

/// Memory follows the quiet-period window, not the history: after many windows of news, the active
/// stories, articles and terms are those of the last window only.
final class BoundedMemoryTests: XCTestCase {
    func testActiveStateIsBoundedAfterManyQuietPeriods() {
        let configuration = StoryClusteringConfiguration(quietPeriod: 6 * 3600)
        var clusterer = StoryClusterer(configuration: configuration)
        var generator = SyntheticNews(seed: 7, articlesPerHour: 60)
        let day = 60 * 24
        var warmUp = StoryClusteringStatistics(activeStories: 0, activeArticles: 0, activeTerms: 0)
        var later = warmUp
        for index in 0..<(day * 10) {  // ten days, forty quiet periods
            let item = generator.next()
            clusterer.expire(now: item.published)
            _ = clusterer.assign(item)
            let statistics = clusterer.statistics
            if index < 2 * day {
                warmUp = Self.maximum(warmUp, statistics)
            } else {
                later = Self.maximum(later, statistics)
            }
        }
        print("active window, max over days 1-2: \(warmUp); days 3-10: \(later)")
        XCTAssertLessThanOrEqual(later.activeTerms, warmUp.activeTerms * 5 / 4, "terms of closed stories are freed")
        XCTAssertLessThanOrEqual(later.activeStories, warmUp.activeStories * 5 / 4)
        XCTAssertLessThanOrEqual(later.activeArticles, warmUp.activeArticles * 5 / 4)
        XCTAssertLessThan(later.activeArticles, day * 10 / 4, "far fewer than the articles seen")

        // Once the stream stops, everything closes and nothing is left.
        clusterer.expire(now: generator.now.addingTimeInterval(configuration.quietPeriod + 1))
        XCTAssertEqual(
            clusterer.statistics,
            StoryClusteringStatistics(activeStories: 0, activeArticles: 0, activeTerms: 0))
    }

    private static func maximum(_ a: StoryClusteringStatistics, _ b: StoryClusteringStatistics)
        -> StoryClusteringStatistics
    {
        StoryClusteringStatistics(
            activeStories: max(a.activeStories, b.activeStories),
            activeArticles: max(a.activeArticles, b.activeArticles),
            activeTerms: max(a.activeTerms, b.activeTerms))
    }

    func testClosedStoryHasNoSummaryAndIsNotJoined() {
        var clusterer = StoryClusterer(configuration: .init(quietPeriod: 3600))
        let first = clusterer.assign(article("1", "Mt. Gox files for bankruptcy", at: "2026-01-01T00:00:00Z"))
        XCTAssertNotNil(clusterer.summary(of: first.story))
        clusterer.expire(now: ISO8601DateFormatter().date(from: "2026-01-01T02:00:00Z")!)
        XCTAssertNil(clusterer.summary(of: first.story))
        let later = clusterer.assign(article("2", "Mt. Gox files for bankruptcy", at: "2026-01-01T02:00:00Z"))
        XCTAssertTrue(later.isNewStory)
        XCTAssertGreaterThan(later.story, first.story, "ids keep increasing")
    }

    func testStoryQuietForTooLongIsNotJoinedEvenBeforeExpiry() {
        var clusterer = StoryClusterer(configuration: .init(quietPeriod: 3600))
        let first = clusterer.assign(article("1", "Mt. Gox files for bankruptcy", at: "2026-01-01T00:00:00Z"))
        let later = clusterer.assign(article("2", "Mt. Gox files for bankruptcy", at: "2026-01-01T02:00:00Z"))
        XCTAssertNotEqual(later.story, first.story)
    }
}
