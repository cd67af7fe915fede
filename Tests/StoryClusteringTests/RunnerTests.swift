import Foundation
import StoryClustering
import XCTest

/// `newswire cluster`: JSON Lines in, one story per article out, in published order.
final class RunnerTests: XCTestCase {
    func testParsesJSONLinesAndSortsStablyByPublished() throws {
        let input = [
            #"{"id": "late", "outlet": "a", "title": "Mt. Gox files for bankruptcy", "summary": "", "url": "u", "#
                + #""published": "2014-03-11T10:00:00Z"}"#,
            "",
            #"{"id": "first", "outlet": "b", "title": "Mt. Gox bankruptcy filing", "#
                + #""published": "2014-03-11T09:00:00.250Z"}"#,
            #"{"id": "tie", "outlet": "c", "title": "Bitcoin exchange Mt. Gox in bankruptcy court", "#
                + #""summary": null, "url": "u", "published": "2014-03-11T10:00:00Z", "story": "x"}"#,
        ].joined(separator: "\n")
        let result = try ClusterRunner.run(jsonLines: Data(input.utf8))
        XCTAssertEqual(result.map(\.id), ["first", "late", "tie"])
        XCTAssertEqual(Set(result.map(\.story)).count, 1)
    }

    func testNumericIDsAreAccepted() throws {
        let input = #"{"id": 17, "title": "Quake", "published": "2014-03-11T10:00:00+02:00"}"#
        XCTAssertEqual(try ClusterRunner.run(jsonLines: Data(input.utf8)).map(\.id), ["17"])
    }

    func testBadLinesAreReportedWithTheirNumber() {
        let cases: [(String, String)] = [
            ("{\"id\": \"a\", \"title\": \"t\", \"published\": \"2014-03-11T10:00:00Z\"}\nnot json", "line 2"),
            (#"{"title": "t", "published": "2014-03-11T10:00:00Z"}"#, "missing `id`"),
            (#"{"id": "a", "title": "t", "published": "yesterday"}"#, "RFC 3339"),
        ]
        for (input, expected) in cases {
            XCTAssertThrowsError(try ClusterRunner.run(jsonLines: Data(input.utf8))) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error)")
            }
        }
    }

    func testMergedStoriesAreReportedUnderTheSurvivingStory() {
        // Two fragments of one event, started by articles that share little, then bridged.
        let items = [
            article("a1", "Chiquita to buy Irish rival Fyffes", at: "2014-03-10T12:00:00Z"),
            article("b1", "World has a new top banana company", at: "2014-03-10T12:00:01Z"),
            article("a2", "Chiquita Fyffes deal creates fruit giant", at: "2014-03-10T12:00:02Z"),
            article("b2", "New top banana: world's biggest banana company", at: "2014-03-10T12:00:03Z"),
            article("c1", "Chiquita and Fyffes merge to become world's top banana company", at: "2014-03-10T12:00:04Z"),
        ]
        let configuration = StoryClusteringConfiguration(mergeThreshold: 0.05)
        var clusterer = StoryClusterer(configuration: configuration)
        let assignments = items.map { clusterer.assign($0) }
        XCTAssertEqual(Set(assignments.prefix(4).map(\.story)).count, 2, "two fragments first: \(assignments)")
        XCTAssertEqual(assignments[4].absorbedStories.count, 1, "the bridging article merges them")
        let absorbed = assignments[4].absorbedStories[0]
        XCTAssertNil(clusterer.summary(of: absorbed))
        XCTAssertEqual(clusterer.summary(of: assignments[4].story)?.articleCount, 5)

        let result = ClusterRunner.run(articles: items, configuration: configuration)
        XCTAssertEqual(Set(result.map(\.story)), [assignments[4].story], "\(result)")
    }

    func testRestoreRebuildsWithoutDecisions() {
        var clusterer = StoryClusterer(firstStoryID: 100)
        clusterer.restore(SeedMali.e, into: 7)
        clusterer.restore(SeedMali.d, into: 7)
        clusterer.restore(article("x", "Chile holds presidential runoff", at: "2026-11-22T20:00:00Z"), into: 9)
        XCTAssertEqual(clusterer.summary(of: 7)?.articleCount, 2)
        XCTAssertEqual(clusterer.statistics.activeStories, 2)
        let next = clusterer.assign(SeedMali.a)
        XCTAssertEqual(next.story, 7, "joins the restored story")
        let fresh = clusterer.assign(article("y", "Magnitude 6.8 earthquake strikes Japan", at: "2026-11-23T10:00:00Z"))
        XCTAssertEqual(fresh.story, 100, "new ids continue from firstStoryID, above restored ones")
    }
}
