import Foundation
import Testing

@testable import NewswireHTTP

/// Header lines to response heads, and the caching hints drawn from them.
@Suite struct ResponseParsingTests {
    private let sunday = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT

    @Test(arguments: ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"])
    func httpDatesInEveryAllowedFormat(_ text: String) {
        #expect(HTTPDate.parse(text) == sunday)
    }

    @Test(arguments: ["", "0", "-1", "yesterday", "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:00:00 GMT"])
    func notHttpDates(_ text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }

    @Test func headsFollowOneAnotherAcrossRedirects() {
        var collector = ResponseHeadCollector()
        let lines = [
            "HTTP/1.1 301 Moved Permanently\r\n", "Location: /new\r\n", "\r\n",
            "HTTP/2 200\r\n", "ETag:  \"abc\" \r\n", "Cache-Control: public\r\n",
            "cache-control: max-age=60\r\n", "\r\n",
        ]
        let completed = lines.compactMap { collector.consume(line: $0[...]) }
        #expect(completed.map(\.status) == [301, 200])
        #expect(completed[0].value("location") == "/new")
        #expect(collector.finalHead?.value("etag") == "\"abc\"")
        #expect(collector.finalHead?.joinedValues("cache-control") == "public, max-age=60")
    }

    @Test func informationalHeadsAreNotFinal() {
        var collector = ResponseHeadCollector()
        for line in ["HTTP/1.1 100 Continue", "", "HTTP/1.1 204 No Content", ""] {
            collector.consume(line: line[...])
        }
        #expect(collector.finalHead?.status == 204)
    }

    @Test func cachingHints() {
        let head = ResponseHead(
            status: 200,
            fields: [
                .init(name: "cache-control", value: "no-transform, max-age=\"300\", s-maxage=10"),
                .init(name: "expires", value: "Sun, 06 Nov 1994 08:49:37 GMT"),
                .init(name: "retry-after", value: "Sun, 06 Nov 1994 08:51:37 GMT"),
            ])
        let hints = CachingHints(head: head, now: sunday)
        #expect(hints == CachingHints(maxAge: 300, expires: sunday, retryAfter: 120))
    }

    @Test func retryAfterInSecondsAndInThePast() {
        #expect(CachingHints.retryAfter(" 120 ", now: sunday) == 120)
        #expect(CachingHints.retryAfter("Sat, 05 Nov 1994 08:49:37 GMT", now: sunday) == 0)
        #expect(CachingHints.retryAfter("-5", now: sunday) == nil)
        #expect(CachingHints.maxAge(cacheControl: "no-cache") == nil)
    }
}
