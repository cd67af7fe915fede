import XCTest

@testable import ArticleIdentity

/// Hints are computed from word boundaries without making each word a String: they must be the
/// hashes of the first and last eight of `NearDuplicate.words`, joined by spaces, as always.
final class NearDuplicateHintsTests: XCTestCase {
    private func expected(outlet: String, title: String, summary: String) -> [String] {
        func hash(_ words: some Sequence<String>) -> String {
            String(StableHash.fnv1a64(words.joined(separator: " ")), radix: 36)
        }
        let summaryWords = NearDuplicate.words(summary)
        guard summaryWords.count >= NearDuplicate.minimumWords else {
            let titleWords = NearDuplicate.words(title)
            return titleWords.count >= NearDuplicate.minimumWords ? ["t:\(outlet):\(hash(titleWords))"] : []
        }
        return ["s:\(outlet):\(hash(summaryWords.prefix(8)))", "e:\(outlet):\(hash(summaryWords.suffix(8)))"]
    }

    func testHintsAreTheHashesOfTheFoldedWords() {
        let texts = [
            "", "Short one.", "A magnitude 7.1 earthquake struck off the coast early on Monday, officials said.",
            "  “Quoted” — dashes… and   spaces\tand\nlines; ÉTÉ Ça Київ 中文 新闻 报道 今天 发生 地震 ",
            "one two three four five six", "one two three four five", "U.S. 74,500 gov’t don't-stop 3.5%",
        ]
        for title in texts {
            for summary in texts {
                XCTAssertEqual(
                    NearDuplicate.hints(outlet: "wire", title: title, summary: summary),
                    expected(outlet: "wire", title: title, summary: summary), "\(title) | \(summary)")
            }
        }
    }

    /// ASCII summaries are hashed from their bytes (`EdgeWordHashes`) without folding them first.
    func testASCIISummariesGiveTheHintsOfTheirFoldedWords() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array(" \t\n\r\u{0B}aZz09`'\"-.,;:!?()[]/&%#@AbCdE\u{01}\u{7F}xyQ")
        for _ in 0..<3_000 {
            let length = Int.random(in: 0..<120, using: &generator)
            let summary = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            XCTAssertEqual(
                NearDuplicate.hints(outlet: "o", title: "one two three four five six", summary: summary),
                expected(outlet: "o", title: "one two three four five six", summary: summary),
                summary.debugDescription)
        }
    }
}
