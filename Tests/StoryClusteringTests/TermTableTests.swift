import XCTest

@testable import StoryClustering

/// The term table's compact layout and its stem index, checked against a plain dictionary.
final class TermTableTests: XCTestCase {
    func testEntryIsSixteenBytes() {
        XCTAssertEqual(MemoryLayout<TermEntry>.stride, 16)
    }

    func testPairKeepsItsWordsAndWordKeepsItsCounts() {
        var table = TermTable()
        let mali = table.word("mali", display: "Mali")
        let army = table.word("armi", display: "army")
        table[mali].capitalisedUses = 3
        table[mali].lowercaseUses = 1
        let pair = table.pair(mali, army)
        XCTAssertTrue(table[pair].isPair)
        XCTAssertEqual(table[pair].first, mali)
        XCTAssertEqual(table[pair].second, army)
        XCTAssertEqual(table[pair].capitalisedUses, 0)
        XCTAssertFalse(table[mali].isPair)
        XCTAssertEqual(table[mali].first, -1)
        XCTAssertEqual(table[mali].capitalisedUses, 3)
        XCTAssertEqual(table[mali].lowercaseUses, 1)
        XCTAssertEqual(table.displayName(of: pair), "Mali army")
    }

    /// Random creations and releases: every live stem is found with its id, every released one is gone.
    func testStemIndexMatchesDictionary() {
        var table = TermTable()
        var expected: [String: TermID] = [:]
        var state: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<50_000 {
            let stem = "w\(next(3_000))"
            if let id = expected[stem], next(3) == 0 {
                table.adjustDocumentFrequency(of: id, by: -table[id].documentFrequency)
                expected[stem] = nil
            } else {
                let id = table.word(stem, display: stem)
                if let known = expected[stem] { XCTAssertEqual(id, known) }
                if expected[stem] == nil { table.adjustDocumentFrequency(of: id, by: 1) }
                expected[stem] = id
            }
        }
        XCTAssertEqual(table.count, expected.count)
        for index in 0..<3_000 {
            let stem = "w\(index)"
            XCTAssertEqual(table.existingWord(stem), expected[stem], stem)
        }
    }
}
