import XCTest

@testable import StoryClustering

/// The engine's data structures on their own.
final class EngineStructureTests: XCTestCase {
    func testTermMapAccumulatesGrowsAndIteratesInAFixedOrder() {
        var map = TermMap()
        for term in 0..<1_000 {
            XCTAssertNil(map.accumulate(TermID(term * 7), mass: 1, articles: 1, postingIfNew: Int32(term)))
        }
        let previous = map.accumulate(70, mass: 0.5, articles: 1, postingIfNew: -1)
        XCTAssertEqual(previous?.mass, 1)
        XCTAssertEqual(previous?.posting, 10)
        XCTAssertEqual(map[70]?.mass, 1.5)
        XCTAssertEqual(map[70]?.articles, 2)
        XCTAssertNil(map[71])
        map.setPosting(99, for: 70)
        XCTAssertEqual(map[70]?.posting, 99)
        XCTAssertEqual(map.count, 1_000)
        XCTAssertEqual(Set(map.map(\.0)), Set((0..<1_000).map { TermID($0 * 7) }))
        var copy = TermMap()
        for term in 0..<1_000 { _ = copy.accumulate(TermID(term * 7), mass: 1, articles: 1, postingIfNew: 0) }
        XCTAssertEqual(map.map(\.0), copy.map(\.0), "same insertions, same order")
    }

    func testPostingRemovalMovesTheLastEntry() {
        var table = TermTable()
        let term = table.word("mali", display: "Mali")
        var index = PostingIndex()
        index.reserve(terms: table.capacity)
        for slot in 0..<3 { _ = index.append(Posting(slot: Int32(slot), mass: 1), to: term, in: &table) }
        let moved = index.remove(at: 0, of: term, in: &table)
        XCTAssertEqual(moved?.slot, 2, "the last entry fills the hole")
        XCTAssertEqual(table.postingCount(of: term), 2)
        XCTAssertNil(index.remove(at: 1, of: term, in: &table), "removing the last entry moves nothing")
        var slots: [Int32] = []
        index.forEachPosting(of: term, in: table) { slots.append($0.slot) }
        XCTAssertEqual(slots, [2])
    }

    func testExpiryQueueGivesTheEarliestFirst() {
        var queue = ExpiryQueue()
        for (time, story) in [(5.0, 1), (1.0, 2), (3.0, 3), (2.0, 4), (4.0, 5)] {
            queue.insert(time: time, story: StoryID(story))
        }
        var order: [StoryID] = []
        while let first = queue.popFirst() { order.append(first.story) }
        XCTAssertEqual(order, [2, 4, 3, 5, 1])
    }

    func testStorySlotsAreReused() {
        var slots = StorySlots()
        let first = slots.insert(StoryState(id: 1), vitals: StoryVitals(lastActivity: 0))
        _ = slots.insert(StoryState(id: 2), vitals: StoryVitals(lastActivity: 0))
        slots.remove(slot: first)
        XCTAssertNil(slots.slot(of: 1))
        let third = slots.insert(StoryState(id: 3), vitals: StoryVitals(lastActivity: 7))
        XCTAssertEqual(third, first)
        XCTAssertEqual(slots[third].id, 3)
        XCTAssertEqual(slots[vitals: third].lastActivity, 7)
        XCTAssertEqual(slots.count, 2)
    }

    func testPairTableFindsEveryPairAfterRemovalsAndGrowth() {
        // Through TermTable, which checks a bucket's pair against the pair's record.
        var table = TermTable()
        let words = (0..<100).map { table.word("w\($0)", display: "w\($0)") }
        var expected: [Int: TermID] = [:]
        for number in 0..<5_000 {
            expected[number] = table.pair(words[number % 97], words[number % 89])
        }
        for number in 0..<5_000 {
            XCTAssertEqual(table.existingPair(words[number % 97], words[number % 89]), expected[number], "\(number)")
        }
        // Pairs repeat every 97 × 89 numbers, so these 5,000 are distinct; release a third of them.
        for number in stride(from: 0, to: 5_000, by: 3) {
            let pair = expected[number]!
            table.adjustDocumentFrequency(of: pair, by: 1)
            XCTAssertTrue(table.adjustDocumentFrequency(of: pair, by: -1), "released")
            expected[number] = nil
        }
        for number in 0..<5_000 {
            XCTAssertEqual(table.existingPair(words[number % 97], words[number % 89]), expected[number], "\(number)")
        }
        XCTAssertNil(table.existingPair(words[0], words[99]))
        XCTAssertNil(table.existingPair(words[1], words[0]), "pairs are ordered")
    }
}
