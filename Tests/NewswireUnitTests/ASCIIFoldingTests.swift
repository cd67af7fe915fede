import XCTest

@testable import ArticleIdentity

/// The ASCII fast paths of folding (`ASCIIFolding`) must write what the general `Folder` writes.
final class ASCIIFoldingTests: XCTestCase {
    /// ASCII texts with every kind of byte the rules treat apart: capitals, whitespace runs at both
    /// ends and inside, backticks, digits, punctuation and control bytes.
    private func texts() -> [String] {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array(" \t\n\r\u{0B}\u{0C}aZz09`'\"-.,;:!?()[]/&%#@AbCdE\u{01}\u{7F}x\u{00}")
        var texts = ["", " ", "  \t ", "A", " a ", "Mali's `BIG` news", "  Two  spaces  ", "a\u{0B}b\u{0C}c"]
        // Every ASCII byte, alone and between letters (the hash folds each through a table).
        texts += (0..<128).flatMap { value in
            let character = String(UnicodeScalar(UInt8(value)))
            return [character, "a\(character)b", " \(character) "]
        }
        for _ in 0..<2_000 {
            let length = Int.random(in: 0..<40, using: &generator)
            texts.append(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        return texts
    }

    func testFoldedBytesMatchTheGeneralPath() {
        for text in texts() {
            XCTAssertEqual(
                TextFolding.foldedBytes(text), TextFolding.fold(text, into: [UInt8]()), text.debugDescription)
        }
    }

    func testFoldedWordsMatchTheGeneralPath() {
        for text in texts() {
            let fast = FoldedWords(text), general = FoldedWords.general(text)
            XCTAssertEqual(fast.bytes, general.bytes, text.debugDescription)
            XCTAssertEqual(fast.ranges, general.ranges, text.debugDescription)
        }
    }

    func testFingerprintMatchesTheGeneralPath() {
        let all = texts()
        for (title, summary) in zip(all, all.reversed()) {
            var hash = TextFolding.fold(title, into: FoldedHash())
            hash.take(0x1F)
            let expected = String(TextFolding.fold(summary, into: hash).hash, radix: 16)
            XCTAssertEqual(ArticleContent(title: title, summary: summary, versionDate: nil).fingerprint, expected)
        }
    }

    func testHashDigitsAreThoseOfTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        let values: [UInt64] = [0, 1, 15, 16, 35, 36, .max, .max - 1] + (0..<2_000).map { _ in generator.next() }
        for value in values {
            XCTAssertEqual(HashDigits.string(value, radix: 16), String(value, radix: 16))
            XCTAssertEqual(HashDigits.string(value, radix: 36), String(value, radix: 36))
        }
    }
}
