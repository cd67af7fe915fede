import ArticleIdentity
import XCTest

/// `TextFolding.fold` folds common scripts without asking for Unicode properties: for every scalar
/// of those ranges the result must be what the properties give (its lower-case mapping; none of
/// them is whitespace).
final class TextFoldingTests: XCTestCase {
    func testFastRangesFoldAsTheUnicodePropertiesSay() {
        let ranges: [ClosedRange<UInt32>] = [
            0x80...0x4FF, 0x3000...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3,
        ]
        let special: Set<UInt32> = [0xB4, 0xAB, 0xBB]  // folded to ASCII quotes before any case mapping
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value), !special.contains(value),
                    !scalar.properties.isWhitespace
                else { continue }
                let expected = "a" + scalar.properties.lowercaseMapping + "b"
                XCTAssertEqual(
                    TextFolding.fold("A\(scalar)B"), expected, "U+\(String(value, radix: 16, uppercase: true))")
            }
        }
    }

    func testFoldingOfPresentation() {
        XCTAssertEqual(TextFolding.fold("  Ça  “Marche”\u{00A0}— ДОБРИЙ ранок  中文 "), "ça \"marche\" - добрий ранок 中文")
    }
}
