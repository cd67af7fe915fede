import Dispatch
import FeedParser
import Foundation
import XCTest

/// The daemon parses several feeds at once: parses on many threads give the same results as
/// one after the other.
final class ConcurrencyTests: XCTestCase {
    func testConcurrentParsesAgreeWithSerialOnes() throws {
        let documents = try Fixtures.files(in: "real").map { try Data(contentsOf: $0) }
        let serial = documents.map { try? FeedParser.parse($0, now: fetchTime) }
        let results = ResultBox(count: documents.count * 4)
        DispatchQueue.concurrentPerform(iterations: documents.count * 4) { index in
            results.store(try? FeedParser.parse(documents[index % documents.count], now: fetchTime), at: index)
        }
        for index in 0..<(documents.count * 4) {
            XCTAssertEqual(results.value(at: index), serial[index % documents.count])
        }
    }
}

/// Results written from many threads, each to its own slot.
private final class ResultBox: @unchecked Sendable {
    private var values: [ParsedFeed?]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func store(_ value: ParsedFeed?, at index: Int) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    func value(at index: Int) -> ParsedFeed? {
        lock.lock()
        defer { lock.unlock() }
        return values[index]
    }
}
