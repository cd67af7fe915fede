import FeedParser
import Foundation
import XCTest

/// The public text cleaning: HTML to clean text, and HTML sanitizing.
final class FeedTextTests: XCTestCase {
    func testPlainTextFromHTML() {
        XCTAssertEqual(FeedText.plainText(fromHTML: "<p>One</p><p>Two&nbsp;&amp;&#160;three</p>"), "One Two & three")
        XCTAssertEqual(FeedText.plainText(fromHTML: "a<script>alert('x')</script>b<style>p{}</style>c"), "abc")
        XCTAssertEqual(FeedText.plainText(fromHTML: "  spaced \n\t out\u{2003}text  "), "spaced out text")
        XCTAssertEqual(FeedText.plainText(fromHTML: "<b>bold</b>face <!-- comment -->x"), "boldface x")
        XCTAssertEqual(FeedText.plainText(fromHTML: "3 < 5 && 6 > 4"), "3 < 5 && 6 > 4")
        XCTAssertEqual(FeedText.plainText(fromHTML: "&#8220;quoted&#8221; &#x2014; &euro;5 &#150;"), "“quoted” — €5 –")
        XCTAssertEqual(FeedText.plainText(fromHTML: "<a href=\"x\" title='a > b'>link</a>"), "link")
        XCTAssertEqual(FeedText.plainText(fromHTML: ""), "")
    }

    func testSanitizedHTML() {
        XCTAssertEqual(
            FeedText.sanitizedHTML("<p onclick=\"x()\" style=\"color:red\">Hi <script>bad()</script>there</p>"),
            "<p>Hi there</p>")
        XCTAssertEqual(
            FeedText.sanitizedHTML("<a href=\"javascript:alert(1)\">x</a><a href=\" JaVa&#x53;cript:y\">z</a>"),
            "<a>x</a><a>z</a>")
        XCTAssertEqual(
            FeedText.sanitizedHTML(
                "<iframe src=\"https://evil\">fallback</iframe><img src=\"/a.png\" alt=\"A\">",
                baseURL: "https://site.example/news/"),
            "fallback<img src=\"https://site.example/a.png\" alt=\"A\" />")
        XCTAssertEqual(
            FeedText.sanitizedHTML("<p>clean <a href=\"https://x.example/\">link</a></p>"),
            "<p>clean <a href=\"https://x.example/\">link</a></p>")
        XCTAssertEqual(FeedText.sanitizedHTML("<unknown>kept text</unknown>"), "kept text")
    }
}
