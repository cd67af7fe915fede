import AlJazeeraAdapter
import FeedParser
import France24Adapter
import Foundation
import SourceAdapterKit
import StoryClustering
import XCTest

/// The daemon meets the seed articles in whatever order its polls happen to finish, and sees
/// whichever copy of the revised article E came first: every such order must give one story.
final class SeedStoryOrderTests: XCTestCase {
    private func candidates(_ file: String, adapter: any SourceAdapter) throws -> [ArticleCandidate] {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/\(file)", withExtension: "xml"))
        let feed = try FeedParser.parse(try Data(contentsOf: url))
        return adapter.articles(from: feed, feedURL: url)
    }

    func testOneStoryWhateverTheArrivalOrderOnAColdStart() throws {
        let france24 = try candidates("france24-africa", adapter: France24Adapter())
        let all = try candidates("aljazeera-all", adapter: AlJazeeraAdapter())
        let africa = try candidates("aljazeera-africa", adapter: AlJazeeraAdapter())
        // The five articles as the daemon stores them: the first copy of each wins, and E is either copy.
        for eCopy in [all[3], africa[3]] {
            let articles = [france24[0], all[0], all[1], all[2], eCopy].enumerated().map { index, candidate in
                ClusterArticle(id: "\(index)", outlet: candidate.outlet, title: candidate.title,
                               summary: candidate.summary, published: candidate.published ?? Date())
            }
            for order in permutations(Array(articles.indices)) {
                var clusterer = StoryClusterer()
                let assignments = order.map { clusterer.assign(articles[$0]) }
                // One story.new, and every article's event names that story.
                XCTAssertEqual(assignments.filter(\.isNewStory).count, 1,
                               "arrival order \(order), E from \(eCopy.feedURL.lastPathComponent)")
                XCTAssertEqual(Set(assignments.map(\.story)).count, 1)
            }
        }
    }

    private func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index -> [[Int]] in
            var rest = items
            let first = rest.remove(at: index)
            return permutations(rest).map { [first] + $0 }
        }
    }
}
