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

    /// `EdgeWordHashes` finds and lowercases word bytes through a table: letters and digits, lowercased.
    func testWordByteTableHoldsLettersAndDigitsLowercased() {
        for value in 0...255 {
            let scalar = Unicode.Scalar(UInt8(value))
            let isWord = value < 128 && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
            let expected = isWord ? UInt8(ascii: Unicode.Scalar(String(scalar).lowercased())!) : 0
            XCTAssertEqual(EdgeWordHashes.wordBytes[value], expected, "\(value)")
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

    /// Long summaries that are not all ASCII have only their ends folded (`SummaryEnds`): random texts
    /// of words, typographic punctuation, no-break and ideographic spaces, letters of several scripts
    /// and combining marks, inside words and between them.
    func testLongSummariesNotAllASCIIGiveTheHintsOfTheirFoldedWords() {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "a", "Zeta", "09", "don’t", "gov’t", "—", "–", "…", "“", "”", "«", "»", "\u{00A0}", "\u{3000}",
            "\u{2009}", "ÉTÉ", "Ça", "Київ", "Ґ", "中文", "新闻", "，", "。", "e\u{0301}", "İ", "ß", "Ω", "ΣΑ",
            "K", "ｆｕｌｌ", "🙂", "\u{FEFF}", "-", "'", "`", ".", ",", "(", ")", "3.5%", "U.S.", "&",
        ]
        let separators = [" ", "", "\t", "\n", "\u{00A0}", "’", " — "]
        for _ in 0..<3_000 {
            let count = Int.random(in: 0..<60, using: &generator)
            let summary = (0..<count).map { _ in
                pieces.randomElement(using: &generator)! + separators.randomElement(using: &generator)!
            }.joined()
            XCTAssertEqual(
                NearDuplicate.hints(outlet: "o", title: "t", summary: summary),
                expected(outlet: "o", title: "t", summary: summary), summary.debugDescription)
        }
    }
}
