import XCTest

@testable import StoryClustering

/// The tokenizer classifies common non-ASCII letters by range: for every scalar of those ranges the
/// result must be what the Unicode properties say (a letter, its lowercase mapping, uppercase or not).
final class KnownLettersTests: XCTestCase {
    func testKnownRangesAgreeWithTheUnicodeProperties() {
        var known = 0
        for value in UInt32(0x80)...0x9FFF {
            guard let result = CharacterClass.knownLetter(value), let scalar = Unicode.Scalar(value) else { continue }
            known += 1
            let name = "U+\(String(value, radix: 16, uppercase: true))"
            XCTAssertTrue(scalar.properties.isAlphabetic, name)
            XCTAssertEqual(String(result.lowercase), scalar.properties.lowercaseMapping, name)
            XCTAssertEqual(result.isUpper, scalar.properties.isUppercase, name)
        }
        XCTAssertGreaterThan(known, 27_000)
    }

    func testMixedScriptsTokenizeAsBefore() {
        XCTAssertEqual(
            Tokenizer.tokens(of: "ДОБРИЙ ранок, Київ! Ça Été 中文新闻 ÷ × Ґанок").map(\.text),
            ["добрий", "ранок", "київ", "ça", "été", "中文新闻", "ґанок"])
    }
}
