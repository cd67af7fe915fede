import Foundation
import XCTest

@testable import NewswireStore

/// The store writes its JSON text columns by hand: the bytes must be a default `JSONEncoder`'s,
/// and reading must give back what was written, escapes or not.
final class JSONStringArrayTests: XCTestCase {
    private let samples: [[String]] = [
        [], [""], ["a"], ["France 24", "Al Jazeera"], ["https://x.example/a/b?c=d"],
        ["quote \" backslash \\ slash /", "tab\tnew\nline\rreturn", "\u{8}\u{C}\u{0}\u{1F}\u{7F}"],
        ["é ü 中文 українська 🇺🇦 👩‍👩‍👧", "\u{2028}", "[\"not\",\"an\",\"array\"]"], [",", "\"\"", "]"],
    ]

    func testEncodingIsTheDefaultEncoders() throws {
        for strings in samples {
            let expected = String(decoding: try JSONEncoder().encode(strings), as: UTF8.self)
            XCTAssertEqual(JSONStringArray.encode(strings), expected)
        }
    }

    func testDecodingRoundTrips() {
        for strings in samples {
            XCTAssertEqual(JSONStringArray.decode(JSONStringArray.encode(strings)), strings)
        }
    }

    func testDecodingReadsWhatOtherWritersWrote() {
        XCTAssertEqual(JSONStringArray.decode(#"[ "a" , "b" ]"#), ["a", "b"])
        XCTAssertEqual(JSONStringArray.decode(#"["\u00e9\ud83c\udf0d"]"#), ["é🌍"])
        XCTAssertEqual(JSONStringArray.decode(nil), [])
        XCTAssertEqual(JSONStringArray.decode("not json"), [])
        XCTAssertEqual(JSONStringArray.decode(#"["a""b"]"#), [])
        XCTAssertEqual(
            JSONStringArray.decode(#"["\"q\" \\ \/ \b\f\n\r\t \u0041\u00DF"]"#), ["\"q\" \\ / \u{8}\u{C}\n\r\t Aß"])
        XCTAssertEqual(JSONStringArray.decode(#"["unterminated]"#), [])
    }
}
