import Foundation
import StoryClustering
import XCTest

/// Joins that neither time nor a cold window allows. The daemon may read an article dated long
/// before the stories it already holds (an archived item in a feed it polls late): time apart
/// counts either way, so it stays out of a story more than the quiet period away, as it would in
/// `published` order. While the window warms up, one shared word is not enough.
final class JoinLimitsTests: XCTestCase {
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

    /// While the window warms up the join threshold is lowered; one shared word is then not enough
    /// (QA: "Can I get a free flu jab?" joined "Rescuers free quake victim" on "free").
    func testAColdWindowDoesNotJoinOnOneSharedWord() {
        var clusterer = StoryClusterer()
        let quake = clusterer.assign(
            ClusterArticle(
                id: "nyt", outlet: "nyt", title: "A Bright Spot in Colombia as Rescuers Free Quake Victim", summary: "",
                published: start))
        let flu = clusterer.assign(
            ClusterArticle(
                id: "bbc", outlet: "bbc", title: "Can I get a free flu jab?",
                summary: "Health officials are urging millions of people to get a free flu vaccination before winter.",
                published: start.addingTimeInterval(600)))
        XCTAssertNotEqual(flu.story, quake.story)
    }
}
