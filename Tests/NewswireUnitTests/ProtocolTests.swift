import Foundation
import NewswireProtocol
import XCTest

@testable import NewswireDaemon

final class ProtocolTests: XCTestCase {
    func testEventLineCarriesTheContractFields() throws {
        let event = Event(
            seq: 7, type: .articleNew, time: Date(timeIntervalSince1970: 1_795_000_000),
            article: ArticlePayload(
                id: 3, outlet: "aljazeera", title: "T", url: "https://a/1",
                published: Date(timeIntervalSince1970: 1_794_999_000), summary: "S"),
            story: StoryPayload(id: 2, title: "Story"))
        let line = WireCoding.line(event)
        XCTAssertFalse(line.contains("\n"))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        XCTAssertEqual(object["seq"] as? Int, 7)
        XCTAssertEqual(object["type"] as? String, "article.new")
        XCTAssertEqual(object["time"] as? String, "2026-11-18T11:06:40Z")
        let article = try XCTUnwrap(object["article"] as? [String: Any])
        XCTAssertEqual(article["published"] as? String, "2026-11-18T10:50:00Z")
        XCTAssertEqual((object["story"] as? [String: Any])?["title"] as? String, "Story")
        XCTAssertEqual(try WireCoding.makeDecoder().decode(Event.self, from: Data(line.utf8)), event)
    }

    func testHelloLine() {
        XCTAssertEqual(
            WireCoding.line(Hello(epoch: "e1", seq: 42)),
            #"{"epoch":"e1","protocol":1,"seq":42,"type":"hello"}"#)
    }

    func testClientRequests() {
        XCTAssertEqual(ClientRequest.parse(#"{"since":12}"#), .resume(since: 12))
        XCTAssertEqual(ClientRequest.parse(#" {"since": 0} "#), .resume(since: 0))
        guard case .invalid(let reason) = ClientRequest.parse("hello there") else { return XCTFail() }
        XCTAssertTrue(reason.contains("expected {\"since\": N}"), reason)
        guard case .invalid = ClientRequest.parse(#"{"since":-1}"#) else { return XCTFail() }
        guard case .invalid = ClientRequest.parse(#"{"since":"12"}"#) else { return XCTFail() }
    }

    func testLineSplitterHandlesPartsAndBounds() {
        var splitter = LineSplitter(maxLineBytes: 8)
        XCTAssertEqual(splitter.feed(Array("ab".utf8)), [])
        XCTAssertEqual(splitter.feed(Array("c\r\nde\n".utf8)), [.line("abc"), .line("de")])
        XCTAssertEqual(splitter.feed(Array("0123456789".utf8)), [.overlong])
        XCTAssertNil(splitter.finish(), "the rest of an overlong line is skipped")
        XCTAssertEqual(splitter.feed(Array("rest\n{\"a\":1}\r".utf8)), [])
        XCTAssertEqual(splitter.finish(), .line("{\"a\":1}"), "the last line needs no newline")
        XCTAssertNil(splitter.finish())
    }

    func testMessageIDsAreDistinctAndJournalShaped() {
        let ids = EventType.allCases.map(\.messageID)
        XCTAssertEqual(Set(ids).count, ids.count)
        for id in ids { XCTAssertTrue(id.range(of: "^[0-9a-f]{32}$", options: .regularExpression) != nil, id) }
    }

    func testJournalMessagesArePlainSentences() {
        let journal = EventJournal(writer: JournalWriter(environment: [:]), outletNames: ["aljazeera": "Al Jazeera"])
        let failed = Event(
            seq: 1, type: .sourceFailed, time: Date(),
            source: SourcePayload(
                outlet: "aljazeera", feed: "https://x/feed", error: "HTTP 500",
                retryIn: 120))
        XCTAssertEqual(
            journal.message(for: failed, outlet: "aljazeera"),
            "Feed of Al Jazeera is failing: HTTP 500; retrying in 2 min")
    }
}

final class StoryTextRefreshTests: XCTestCase {
    func testTextIsPickedAgainAsTheStoryChangesShape() {
        XCTAssertTrue(StoryTextRefresh.isDue(storedOutlets: nil, articleCount: 1, outlets: ["a"], merged: false))
        XCTAssertTrue(StoryTextRefresh.isDue(storedOutlets: ["a"], articleCount: 3, outlets: ["a"], merged: false))
        XCTAssertTrue(
            StoryTextRefresh.isDue(storedOutlets: ["a"], articleCount: 9, outlets: ["a", "b"], merged: false))
        XCTAssertTrue(StoryTextRefresh.isDue(storedOutlets: ["a"], articleCount: 9, outlets: ["a"], merged: true))
        XCTAssertTrue(StoryTextRefresh.isDue(storedOutlets: ["a"], articleCount: 16, outlets: ["a"], merged: false))
        XCTAssertFalse(StoryTextRefresh.isDue(storedOutlets: ["a"], articleCount: 17, outlets: ["a"], merged: false))
        let refreshes = (5...1000).filter {
            StoryTextRefresh.isDue(storedOutlets: ["a"], articleCount: $0, outlets: ["a"], merged: false)
        }
        XCTAssertEqual(refreshes, [8, 16, 32, 64, 128, 256, 512])
    }
}
