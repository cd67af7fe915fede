import Foundation
import StoryClustering
import XCTest

/// Each join records why: the score and the shared terms that made it.
final class ExplanationTests: XCTestCase {
    func testJoinNamesTheSharedTermsAndScore() throws {
        var clusterer = StoryClusterer()
        let first = clusterer.assign(SeedMali.e)
        let second = clusterer.assign(SeedMali.d)
        XCTAssertTrue(first.isNewStory)
        XCTAssertFalse(second.isNewStory)
        XCTAssertEqual(second.story, first.story)
        let explanation = second.explanation
        let threshold = try XCTUnwrap(explanation.threshold)
        XCTAssertEqual(threshold, clusterer.configuration.joinThreshold(windowArticles: 1), accuracy: 1e-6,
                       "the threshold in force, lowered in a window of one article")
        XCTAssertGreaterThanOrEqual(explanation.score, threshold)
        XCTAssertLessThanOrEqual(explanation.score, 1)
        XCTAssertFalse(explanation.sharedTerms.isEmpty)
        XCTAssertTrue(explanation.sharedTerms.contains("mali"), "\(explanation.sharedTerms)")
        XCTAssertTrue(explanation.sharedTerms.allSatisfy { !$0.isEmpty })
    }

    func testSharedTermsAreReadableWordsNotStems() {
        var clusterer = StoryClusterer()
        _ = clusterer.assign(article("1", "Bitcoin exchange Mt. Gox files for bankruptcy protection"))
        let join = clusterer.assign(article("2", "Mt. Gox bankruptcy: bitcoin exchange files in US court"))
        XCTAssertFalse(join.isNewStory)
        let terms = join.explanation.sharedTerms
        XCTAssertTrue(terms.contains("exchange"), "surface form, not the stem `exchang`: \(terms)")
        XCTAssertTrue(terms.contains("bankruptcy"), "surface form, not the stem `bankruptci`: \(terms)")
    }

    func testNewStoryReportsBestRejectedScore() {
        var clusterer = StoryClusterer()
        _ = clusterer.assign(article("1", "Magnitude 6.8 earthquake strikes northern Japan"))
        let other = clusterer.assign(article("2", "Chile holds presidential runoff"))
        XCTAssertTrue(other.isNewStory)
        XCTAssertEqual(other.explanation.sharedTerms, [])
        XCTAssertLessThan(other.explanation.score, other.explanation.threshold ?? 0)
    }

    func testExplanationRoundTripsAndReadsOldRecords() throws {
        let explanation = JoinExplanation(score: 0.31, sharedTerms: ["mali", "armed groups"], threshold: 0.1)
        let data = try JSONEncoder().encode(explanation)
        XCTAssertEqual(try JSONDecoder().decode(JoinExplanation.self, from: data), explanation)
        let old = Data(#"{"score": 0.5, "sharedTerms": ["gox"]}"#.utf8)
        XCTAssertEqual(try JSONDecoder().decode(JoinExplanation.self, from: old),
                       JoinExplanation(score: 0.5, sharedTerms: ["gox"]))
    }
}
