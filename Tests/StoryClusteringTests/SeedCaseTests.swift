import Foundation
import StoryClustering
import XCTest

/// The seed case must stay exact: the five Mali articles make one story.
final class SeedCaseTests: XCTestCase {
    /// A fresh daemon meeting the three seed feeds: nothing else in its window.
    func testFiveMaliArticlesMakeOneStoryOnAColdStart() {
        var clusterer = StoryClusterer()
        let assignments = SeedMali.inPublishedOrder.map { clusterer.assign($0) }
        XCTAssertEqual(Set(assignments.map(\.story)).count, 1, "\(assignments)")
        XCTAssertEqual(assignments.map(\.isNewStory), [true, false, false, false, false])
        XCTAssertEqual(assignments.flatMap(\.absorbedStories), [])
        let summary = clusterer.summary(of: assignments[0].story)
        XCTAssertEqual(summary?.articleCount, 5)
        XCTAssertEqual(summary?.outlets, ["aljazeera", "france24"])
    }

    /// A running daemon, whose window already holds a day of unrelated news, meets the seed articles.
    func testFiveMaliArticlesMakeOneStoryInABusyWindow() throws {
        var clusterer = try Self.warmClusterer()
        let assignments = SeedMali.inPublishedOrder.map { clusterer.assign($0) }
        XCTAssertEqual(Set(assignments.map(\.story)).count, 1, "\(assignments)")
        XCTAssertEqual(assignments.filter(\.isNewStory).count, 1)
        XCTAssertEqual(assignments.flatMap(\.absorbedStories), [])
    }

    /// In any arrival order, cold or warm, the five articles end in one story. In a few orders France 24's
    /// article (which shares least wording with the others) first starts a story of its own, and a later
    /// article that matches both merges the two (`absorbedStories`).
    func testOneStoryInEveryArrivalOrder() throws {
        let articles = SeedMali.inPublishedOrder
        for (window, start) in [("cold", StoryClusterer()), ("warm", try Self.warmClusterer())] {
            for order in permutations(of: Array(articles.indices)) {
                var clusterer = start
                var survivor: [StoryID: StoryID] = [:]
                var stories: [StoryID] = []
                for index in order {
                    let assignment = clusterer.assign(articles[index])
                    for absorbed in assignment.absorbedStories { survivor[absorbed] = assignment.story }
                    stories.append(assignment.story)
                }
                let final = Set(stories.map { story in
                    var current = story
                    while let next = survivor[current] { current = next }
                    return current
                })
                XCTAssertEqual(final.count, 1, "\(window) window, order \(order.map { articles[$0].id })")
            }
        }
    }

    private static func warmClusterer() throws -> StoryClusterer {
        var clusterer = StoryClusterer()
        for item in try backgroundNews() { _ = clusterer.assign(item) }
        return clusterer
    }

    func testRunnerOverTheSeedFeedsGivesOneStory() throws {
        let result = ClusterRunner.run(articles: SeedMali.inPublishedOrder.reversed())
        XCTAssertEqual(result.map(\.id), ["E", "D", "A", "C", "B"], "processed in published order")
        XCTAssertEqual(Set(result.map(\.story)).count, 1)
    }

    /// The development set's headlines, moved to the day before the seed articles.
    static func backgroundNews() throws -> [ClusterArticle] {
        let fixture = try DevFixture.load()
        let shift = SeedMali.e.published.timeIntervalSince(fixture.articles[0].published) - 24 * 3600
        return fixture.articles.map {
            var moved = $0
            moved.published = $0.published.addingTimeInterval(shift)
            return moved
        }
    }

    private func permutations(of items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index -> [[Int]] in
            var rest = items
            let first = rest.remove(at: index)
            return permutations(of: rest).map { [first] + $0 }
        }
    }
}
