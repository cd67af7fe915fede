import Foundation
import StoryClustering
import XCTest

/// The daemon may read an article dated long before the stories it already holds (an archived
/// item in a feed it polls late): time apart counts either way, so such an article stays out of a
/// story more than the quiet period away, as it would in `published` order.
final class LateArticleTests: XCTestCase {
    private let start = Date(timeIntervalSince1970: 1_795_000_000)

    private func article(_ id: String, hoursFromStart hours: Double) -> ClusterArticle {
        ClusterArticle(
            id: id, outlet: "wire", title: "Armed groups attack army posts across Mali",
            summary: "Coordinated attacks hit army posts in central Mali, the army said on Sunday.",
            published: start.addingTimeInterval(hours * 3600))
    }

    func testAnArticleDatedLongBeforeAStoryStartsItsOwn() {
        var clusterer = StoryClusterer()
        let story = clusterer.assign(article("now", hoursFromStart: 0)).story
        XCTAssertEqual(clusterer.assign(article("an-hour-before", hoursFromStart: -1)).story, story)
        let archived = clusterer.assign(article("three-days-before", hoursFromStart: -72))
        XCTAssertTrue(archived.isNewStory, "72 h before the story's latest article, beyond the 48 h quiet period")
    }
}
