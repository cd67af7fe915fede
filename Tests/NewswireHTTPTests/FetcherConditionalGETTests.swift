import Foundation
import NewswireHTTP
import NewswireTestSupport
import Testing

/// Successful fetches: body, validators, conditional GET, compression, caching hints.
@Suite struct FetcherConditionalGETTests {
    private let feed = Data("<rss version=\"2.0\"><channel><title>t</title></channel></rss>".utf8)
    private let lastModified = "Tue, 25 Nov 2025 10:00:00 GMT"

    @Test func okReturnsBodyAndValidators() async throws {
        try await withFetcher { server, fetcher in
            server.setRoute(
                "/feed.xml",
                .feed(
                    body: feed, contentType: "application/rss+xml",
                    etag: "\"v1\"", lastModified: lastModified))
            let response = try await fetcher.fetch(FetchRequest(url: server.url("/feed.xml"), limits: shortLimits()))
            #expect(response.status == 200)
            #expect(response.body == feed)
            #expect(response.etag == "\"v1\"")
            #expect(response.lastModified == lastModified)
            #expect(response.contentType == "application/rss+xml")
            #expect(response.effectiveURL == server.url("/feed.xml"))
            #expect(response.redirects.isEmpty)
            let sent = try #require(server.requests(to: "/feed.xml").first)
            #expect(sent.header("User-Agent") == "NewswireTests/1.0")
            #expect(sent.header("If-None-Match") == nil)
            let encodings = sent.header("Accept-Encoding") ?? ""
            for encoding in ["gzip", "deflate", "br", "zstd"] { #expect(encodings.contains(encoding)) }
        }
    }

    @Test func secondFetchSendsValidatorsAndGets304() async throws {
        try await withFetcher { server, fetcher in
            server.setRoute(
                "/feed.xml",
                .feed(
                    body: feed, contentType: "application/rss+xml",
                    etag: "\"v1\"", lastModified: lastModified))
            let first = try await fetcher.fetch(FetchRequest(url: server.url("/feed.xml"), limits: shortLimits()))
            let second = try await fetcher.fetch(
                FetchRequest(
                    url: server.url("/feed.xml"), etag: first.etag,
                    lastModified: first.lastModified, limits: shortLimits()))
            #expect(second.status == 304)
            #expect(second.isNotModified)
            #expect(second.body.isEmpty)
            #expect(second.etag == "\"v1\"")
            let byDate = try await fetcher.fetch(
                FetchRequest(
                    url: server.url("/feed.xml"),
                    lastModified: lastModified, limits: shortLimits()))
            #expect(byDate.status == 304)
            #expect(server.responseCount(to: "/feed.xml", status: 200) == 1)
            #expect(server.responseCount(to: "/feed.xml", status: 304) == 2)
            let sent = server.requests(to: "/feed.xml")[1]
            #expect(sent.header("If-None-Match") == "\"v1\"")
            #expect(sent.header("If-Modified-Since") == lastModified)
        }
    }

    @Test func changedFeedIsFetchedAgain() async throws {
        try await withFetcher { server, fetcher in
            server.setRoute(
                "/feed.xml",
                .feed(
                    body: feed, contentType: "application/rss+xml", etag: "\"v2\"",
                    lastModified: nil))
            let response = try await fetcher.fetch(
                FetchRequest(
                    url: server.url("/feed.xml"), etag: "\"v1\"",
                    limits: shortLimits()))
            #expect(response.status == 200)
            #expect(response.etag == "\"v2\"")
        }
    }

    @Test func gzipBodyIsDecoded() async throws {
        try await withFetcher { server, fetcher in
            let big = Data(String(repeating: "<item><title>zipped</title></item>", count: 5_000).utf8)
            server.setRoute("/feed.gz", .gzip(body: big))
            let response = try await fetcher.fetch(FetchRequest(url: server.url("/feed.gz"), limits: shortLimits()))
            #expect(response.body == big)
            #expect(response.contentType == "application/rss+xml")
        }
    }

    @Test func cachingHeadersAreParsed() async throws {
        try await withFetcher { server, fetcher in
            server.setRoute(
                "/cached",
                .status(
                    200,
                    headers: [
                        ("Cache-Control", "public, max-age=900"),
                        ("Expires", "Wed, 26 Nov 2025 10:00:00 GMT"),
                        ("Retry-After", "60"),
                    ], body: feed))
            let response = try await fetcher.fetch(FetchRequest(url: server.url("/cached"), limits: shortLimits()))
            #expect(response.maxAge == 900)
            #expect(response.expires == HTTPDate.parse("Wed, 26 Nov 2025 10:00:00 GMT"))
            #expect(response.retryAfter == 60)
        }
    }
}
