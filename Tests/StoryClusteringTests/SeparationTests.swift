import Foundation
import StoryClustering
import XCTest

/// Unrelated events stay apart, and headline boilerplate does not glue them together.
final class SeparationTests: XCTestCase {
    private let earthquake = [
        article("q1", "Magnitude 6.8 earthquake strikes off the coast of northern Japan",
                summary: "A strong earthquake shook Hokkaido and northern Honshu, Japan's meteorological agency said."),
        article("q2", "Japan earthquake: tsunami warning lifted after strong quake off Hokkaido",
                summary: "Authorities lifted a tsunami advisory hours after the magnitude 6.8 quake."),
        article("q3", "Hokkaido residents assess damage after powerful quake",
                summary: "The earthquake cut power to thousands of homes in northern Japan."),
    ]
    private let election = [
        article("v1", "Chile holds presidential runoff between Kast and Jara",
                summary: "Chileans vote in a runoff after a bitter campaign dominated by crime and migration."),
        article("v2", "Kast wins Chile presidential runoff",
                summary: "José Antonio Kast won the runoff against Jeannette Jara, official results showed."),
        article("v3", "Chile election: what Kast's victory means for the region",
                summary: "The runoff result moves Chile to the right."),
    ]

    func testTwoUnrelatedStoriesStayApart() {
        var clusterer = StoryClusterer()
        let interleaved = zip(earthquake, election).flatMap { [$0, $1] }
        var story: [String: StoryID] = [:]
        for item in interleaved { story[item.id] = clusterer.assign(item).story }
        XCTAssertEqual(Set(earthquake.map { story[$0.id]! }).count, 1)
        XCTAssertEqual(Set(election.map { story[$0.id]! }).count, 1)
        XCTAssertNotEqual(story["q1"], story["v1"])
    }

    func testGenericHeadlinesDoNotGlueStories() {
        let generic = [
            article("g1", "Live updates: Japan earthquake", summary: "Follow our live coverage."),
            article("g2", "Live updates: Chile election", summary: "Follow our live coverage."),
            article("g3", "What we know so far"),
            article("g4", "What we know so far"),
            article("g5", "Live updates"),
            article("g6", "Breaking news: what we know"),
        ]
        var clusterer = StoryClusterer()
        var story: [String: StoryID] = [:]
        for item in earthquake.prefix(2) + election.prefix(2) + generic + earthquake.suffix(1) + election.suffix(1) {
            story[item.id] = clusterer.assign(item).story
        }
        XCTAssertEqual(Set(earthquake.map { story[$0.id]! }).count, 1, "\(story)")
        XCTAssertEqual(Set(election.map { story[$0.id]! }).count, 1, "\(story)")
        XCTAssertNotEqual(story["q1"], story["v1"], "the two events stay apart")
        XCTAssertEqual(story["g1"], story["q1"], "a live page about the earthquake belongs to it")
        XCTAssertEqual(story["g2"], story["v1"], "a live page about the election belongs to it")
        let boilerplateOnly = ["g3", "g4", "g5", "g6"].map { story[$0]! }
        XCTAssertEqual(Set(boilerplateOnly).count, 4, "boilerplate alone is no evidence of one event")
        XCTAssertTrue(Set(boilerplateOnly).isDisjoint(with: [story["q1"]!, story["v1"]!]))
    }
}
