import XCTest

@testable import StoryClustering

/// An exemplar's sentences take their terms from the words read with the article; they must be the
/// terms that reading each sentence again gives.
final class ReusedWordsTests: XCTestCase {
    private let articles: [(title: String, summary: String)] = [
        (
            "Mt. Gox files for bankruptcy",
            "Mt. Gox said it lost 850,000 bitcoins. U.S. regulators acted! What next? Nothing."
        ),
        ("UPDATE 2-Stocks fall on weak China data", "Prices rose 2.5 percent. Markets fell 7. 8 traders left."),
        (
            "Malian army responds",
            "Rebels attacked Bamako. The Malian army said “it will respond.” THE NSA SAID NOTHING."
        ),
        ("Apple's iOS 7.1 out", "  Apple’s iOS 7.1 is out.  It fixes bugs. 'Quoted' start. Zürich reacts. "),
        ("Short", ""),
        ("Title with a slug-free text", "One sentence without an end"),
    ]

    func testSummarySentencesFromReadWordsMatchReadingThemAgain() {
        var extractor = FeatureExtractor()
        var table = TermTable()
        for article in articles {
            let terms = extractor.terms(title: article.title, summary: article.summary, table: &table)
            for term in terms.ids { table.adjustDocumentFrequency(of: term, by: 1) }
            let summary = Array(article.summary.utf8)
            let title = extractor.termsOfLastTitle()
            if WireSlug.strip(article.title).utf8.count == article.title.utf8.count {
                XCTAssertNotNil(title, article.title)
            }
            var reused: [ArticleTerms] = []
            for range in SentenceSplitter.ranges(ofSentencesIn: summary) {
                guard let found = extractor.knownTermsOfLastSummary(in: range, table: table) else {
                    return XCTFail("no words at hand for \(article.summary)")
                }
                reused.append(found)
            }
            if let title { XCTAssertEqual(title, extractor.knownTerms(of: article.title, table: table), article.title) }
            let sentences = SentenceSplitter.sentences(of: article.summary)
            XCTAssertEqual(reused.count, sentences.count)
            for (sentence, found) in zip(sentences, reused) {
                XCTAssertEqual(found, extractor.knownTerms(of: sentence, table: table), sentence)
            }
        }
    }

    /// The words of a lead sentence, cut from the summary's words, are the words of the sentence read
    /// alone (what an exemplar looks its terms up with), on these traps and on the whole dev set.
    func testASentencesWordsCutFromTheSummaryAreItsWordsReadAlone() throws {
        let dev = try DevFixture.load().articles.map { (title: $0.title, summary: $0.summary) }
        for article in articles + dev {
            let summary = Tokenizer.tokens(of: article.summary)
            var whole = TokenList()
            Tokenizer.scan(article.summary, into: &whole)
            XCTAssertEqual(whole.tokens, summary)
            let bytes = Array(article.summary.utf8)
            for range in SentenceSplitter.ranges(ofSentencesIn: bytes) {
                let alone = Tokenizer.tokens(of: String(decoding: bytes[range], as: UTF8.self))
                let cut = whole.words(startingIn: range).tokens
                XCTAssertEqual(cut.map(\.text), alone.map(\.text), article.summary)
                XCTAssertEqual(cut.map(\.isAllCapitals), alone.map(\.isAllCapitals), article.summary)
                XCTAssertEqual(cut.map(\.isCapitalised), alone.map(\.isCapitalised), article.summary)
                XCTAssertEqual(cut.map(\.isNumber), alone.map(\.isNumber), article.summary)
            }
        }
    }
}
