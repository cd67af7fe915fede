import Foundation
import NewswireProtocol
import XCTest

/// `Event.line` writes JSON by hand for speed: it must be byte for byte what the `Codable` encoder
/// of `WireCoding` writes, for every shape of event and every character that needs escaping.
final class EventLineTests: XCTestCase {
    private let awkward = [
        "", "plain", "quote \" and backslash \\ and slash /", "tab\tnew\nline\rreturn", "\u{8}\u{C}\u{0}\u{1F}\u{7F}",
        "é ü 中文 українська 🇺🇦 👩‍👩‍👧", "</script><b>&amp;</b>", "https://example.com/a?b=c&d=e#f",
        "\u{2028}\u{2029}", "ends with backslash \\",
    ]

    private func assertSameAsEncoder(_ event: Event, line: UInt = #line) {
        XCTAssertEqual(event.line, WireCoding.line(event), line: line)
    }

    func testArticleEventsMatchTheEncoder() {
        for (index, text) in awkward.enumerated() {
            let event = Event(
                seq: Int64(index) + 1, type: index % 2 == 0 ? .articleNew : .articleUpdated,
                time: Date(timeIntervalSince1970: 1_795_000_000 + Double(index) * 3601.5),
                article: ArticlePayload(
                    id: Int64(index) * 1_000_003, outlet: "outlet-\(text)", title: text,
                    url: "https://x.example/\(text)",
                    published: index % 3 == 0 ? nil : Date(timeIntervalSince1970: 1_700_000_000.25),
                    summary: text + text, authors: index % 4 == 0 ? nil : [text, "Jane Doe"]),
                story: StoryPayload(id: 9, title: text),
                changes: index % 2 == 0 ? nil : ["title", "summary", text])
            assertSameAsEncoder(event)
        }
    }

    func testStoryEventsMatchTheEncoder() {
        for (index, text) in awkward.enumerated() {
            let event = Event(
                seq: Int64.max - Int64(index), type: index % 2 == 0 ? .storyNew : .storyUpdated,
                time: Date(timeIntervalSince1970: 0),
                story: StoryPayload(
                    id: -Int64(index), title: text, outlets: index % 3 == 0 ? [] : ["a", text],
                    articles: index % 5 == 0 ? nil : index * 7, brief: [text, "Second sentence."],
                    merged: index % 2 == 0 ? nil : [1, Int64(index), 40_000_000_000]))
            assertSameAsEncoder(event)
        }
    }

    func testSourceEventsMatchTheEncoder() {
        for (index, text) in awkward.enumerated() {
            let event = Event(
                seq: 1, type: [.sourceFailed, .sourceRecovered, .sourceDisabled][index % 3],
                time: Date(timeIntervalSince1970: 1_795_000_000),
                source: SourcePayload(
                    outlet: text, feed: "https://feeds.example/\(text)", error: index % 2 == 0 ? nil : text,
                    retryIn: index % 3 == 0 ? nil : index * 60))
            assertSameAsEncoder(event)
        }
    }

    /// Long texts are scanned eight bytes at a time: an escape at any offset of a word is found.
    func testEscapesAtEveryOffsetOfLongTexts() {
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}", "é", "🇺🇦", " ", "~", "\u{7F}"] {
            for offset in 0..<20 {
                let text = String(repeating: "a", count: offset) + special + String(repeating: "z!", count: 9) + special
                let event = Event(
                    seq: 1, type: .articleNew, time: Date(timeIntervalSince1970: 1_795_000_000),
                    article: ArticlePayload(
                        id: 1, outlet: "o", title: text, url: "u", published: nil, summary: text + text),
                    story: StoryPayload(id: 2, title: text, brief: [text]))
                assertSameAsEncoder(event)
            }
        }
    }

    /// An article's members written ahead of its id give the same line as writing it whole.
    func testArticleWrittenAheadOfItsIDGivesTheSameLine() {
        for (index, text) in awkward.enumerated() {
            let article = ArticlePayload(
                id: Int64(index) * 7_919, outlet: "o-\(text)", title: text, url: "https://x.example/\(text)",
                published: index % 2 == 0 ? nil : Date(timeIntervalSince1970: 1_700_000_000),
                summary: text + text, authors: index % 3 == 0 ? nil : [text])
            var ahead = article
            ahead.id = 0
            let event = Event(
                seq: Int64(index), type: .articleNew, time: Date(timeIntervalSince1970: 1_795_000_000),
                article: article, story: StoryPayload(id: 3, title: text))
            XCTAssertEqual(event.line(encodedArticle: EncodedArticlePayload(ahead)), event.line)
        }
    }

    func testEventWithEverythingAndNothing() {
        assertSameAsEncoder(Event(seq: 0, type: .articleNew, time: Date(timeIntervalSince1970: 1_795_000_000)))
        assertSameAsEncoder(
            Event(
                seq: 3, type: .articleUpdated, time: Date(timeIntervalSince1970: 1_795_000_000),
                article: ArticlePayload(id: 1, outlet: "o", title: "t", url: "u", published: nil, summary: "s"),
                story: StoryPayload(id: 2, title: "s", outlets: ["o"], articles: 1, brief: [], merged: []),
                source: SourcePayload(outlet: "o", feed: "f", error: "e", retryIn: 0), changes: []))
    }
}
