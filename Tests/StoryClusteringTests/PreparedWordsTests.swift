import Foundation
import StoryClustering
import XCTest

/// Words read ahead (`ClusterArticleWords`, as the daemon does in each feed's task) must lead to
/// exactly the decisions, explanations and summaries of words read inside `assign`.
final class PreparedWordsTests: XCTestCase {
    func testWordsReadAheadDecideTheSame() throws {
        let articles = try DevFixture.load().articles
        var plain = StoryClusterer()
        var prepared = StoryClusterer()
        for article in articles {
            var withWords = article
            withWords.words = ClusterArticleWords(title: article.title, summary: article.summary)
            let expected = plain.assign(article)
            XCTAssertEqual(prepared.assign(withWords), expected, article.id)
            XCTAssertEqual(prepared.summary(of: expected.story), plain.summary(of: expected.story), article.id)
        }
        XCTAssertEqual(prepared.statistics, plain.statistics)
    }
}
