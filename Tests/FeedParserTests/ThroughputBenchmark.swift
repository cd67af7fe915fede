import FeedParser
import Foundation
import XCTest

/// Throughput of `FeedParser.parse` over the real outlet fixtures, run only when
/// `NEWSWIRE_PARSE_BENCH` is set (meaningful in a release build):
///
///     NEWSWIRE_PARSE_BENCH=1 swift test -c release --filter ThroughputBenchmark
///
/// It prints MiB/s for (a) every real fixture parsed in turn, repeated to about 200 MiB, and
/// (b) one large synthetic RSS document made of the real feeds' items, about 48 MiB.
final class ThroughputBenchmark: XCTestCase {
    func testThroughputOnRealFixtures() throws {
        guard ProcessInfo.processInfo.environment["NEWSWIRE_PARSE_BENCH"] != nil else { return }
        let documents = try Fixtures.files(in: "real").map { try Data(contentsOf: $0) }
        let size = documents.reduce(0) { $0 + $1.count }
        let rounds = max(1, 200 * 1_048_576 / size)
        var items = 0
        let timer = StageTimer()
        for _ in 0..<rounds {
            for document in documents { items += try FeedParser.parse(document).items.count }
        }
        timer.report(
            "real fixtures (\(documents.count) files × \(rounds) rounds, \(items) items)", bytes: size * rounds)
        XCTAssertGreaterThan(items, 0)
    }

    func testThroughputOnOneLargeDocument() throws {
        guard ProcessInfo.processInfo.environment["NEWSWIRE_PARSE_BENCH"] != nil else { return }
        let source = Array(try Fixtures.data("real/guardian-world-2016.xml"))
        let text = String(decoding: source, as: UTF8.self)
        let head = text.utf8.distance(from: text.utf8.startIndex, to: text.range(of: "<item>")!.lowerBound)
        let tail = text.utf8.distance(
            from: text.utf8.startIndex,
            to: text.range(of: "</channel>", options: .backwards)!.lowerBound)
        var document = Array(source[..<head])
        document.reserveCapacity(49 * 1_048_576)
        while document.count < 48 * 1_048_576 { document.append(contentsOf: source[head..<tail]) }
        document.append(contentsOf: source[tail...])
        let data = Data(document)
        let timer = StageTimer()
        let feed = try FeedParser.parse(data)
        timer.report("one \(data.count / 1_048_576) MiB RSS document (\(feed.items.count) items)", bytes: data.count)
        XCTAssertGreaterThan(feed.items.count, 18_000)
    }
}

extension ThroughputBenchmark {
    /// The HTML-to-text cleaner alone, over every description of the real fixtures.
    func testHTMLToTextThroughput() throws {
        guard ProcessInfo.processInfo.environment["NEWSWIRE_PARSE_BENCH"] != nil else { return }
        var fragments: [String] = []
        for file in Fixtures.files(in: "real") {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            for part in text.components(separatedBy: "<description>").dropFirst() {
                guard let end = part.range(of: "</description>") else { continue }
                var fragment = String(part[..<end.lowerBound])
                fragment = fragment.replacingOccurrences(of: "<![CDATA[", with: "").replacingOccurrences(
                    of: "]]>", with: "")
                fragment = fragment.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(
                    of: "&gt;", with: ">")
                fragments.append(fragment)
            }
        }
        let size = fragments.reduce(0) { $0 + $1.utf8.count }
        let rounds = max(1, 100 * 1_048_576 / size)
        var characters = 0
        let timer = StageTimer()
        for _ in 0..<rounds {
            for fragment in fragments { characters += FeedText.plainText(fromHTML: fragment).utf8.count }
        }
        timer.report("HTML to clean text (\(fragments.count) descriptions × \(rounds))", bytes: size * rounds)
        let sanitizeTimer = StageTimer()
        for _ in 0..<rounds {
            for fragment in fragments { characters += FeedText.sanitizedHTML(fragment).utf8.count }
        }
        sanitizeTimer.report("HTML sanitizer (same input)", bytes: size * rounds)
        XCTAssertGreaterThan(characters, 0)
    }
}

/// Wall-clock and CPU time since creation (CPU time is what matters on a shared machine).
private struct StageTimer {
    let wall = ContinuousClock.now
    let cpu = clock()

    func report(_ label: String, bytes: Int) {
        let wallSeconds = (ContinuousClock.now - wall) / .seconds(1)
        let cpuSeconds = Double(clock() - cpu) / Double(CLOCKS_PER_SEC)
        let mebibytes = Double(bytes) / 1_048_576
        print(
            "FeedParser throughput, \(label): "
                + "\(String(format: "%.1f", mebibytes / cpuSeconds)) MiB/s of CPU time, "
                + "\(String(format: "%.1f", mebibytes / wallSeconds)) MiB/s wall clock")
    }
}
