import Foundation
import NewswireHTTP
import NewswireTestSupport
import Testing

/// Error statuses, redirects and schemes.
@Suite struct FetcherStatusAndRedirectTests {
    @Test func serverErrorIsAnHTTPStatusError() async throws {
        try await withFetcher { server, fetcher in
            server.setRoute("/broken", .status(500, headers: [], body: Data("oops".utf8)))
            let url = server.url("/broken")
            let error = await fetchError(fetcher, FetchRequest(url: url, limits: shortLimits()))
            #expect(error == .httpStatus(url, status: 500, retryAfter: nil))
            #expect(error?.description == "\(url.absoluteString): HTTP 500")
        }
    }

    @Test func tooManyRequestsCarriesRetryAfter() async throws {
        try await withFetcher { server, fetcher in
            server.setRoute("/busy", .status(429, headers: [("Retry-After", "120")], body: Data()))
            let url = server.url("/busy")
            #expect(
                await fetchError(fetcher, FetchRequest(url: url, limits: shortLimits()))
                    == .httpStatus(url, status: 429, retryAfter: 120))
        }
    }

    @Test func unavailableCarriesRetryAfterAsADate() async throws {
        try await withFetcher { server, fetcher in
            let later = Date().addingTimeInterval(3_600)
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            server.setRoute(
                "/down", .status(503, headers: [("Retry-After", formatter.string(from: later))], body: Data()))
            let error = await fetchError(fetcher, FetchRequest(url: server.url("/down"), limits: shortLimits()))
            guard case .httpStatus(_, 503, let retryAfter?) = error else {
                Issue.record("expected HTTP 503 with Retry-After, got \(String(describing: error))")
                return
            }
            #expect(abs(retryAfter - 3_600) < 5)
        }
    }

    @Test func goneIsAnHTTPStatusError() async throws {
        try await withFetcher { server, fetcher in
            server.setRoute("/retired", .status(410, headers: [], body: Data()))
            let url = server.url("/retired")
            #expect(
                await fetchError(fetcher, FetchRequest(url: url, limits: shortLimits()))
                    == .httpStatus(url, status: 410, retryAfter: nil))
        }
    }

    @Test func redirectsAreFollowedAndRecorded() async throws {
        try await withFetcher { server, fetcher in
            server.setRoute("/old", .redirect(to: "/middle", status: 301))
            server.setRoute("/middle", .redirect(to: server.url("/feed").absoluteString, status: 307))
            server.setRoute(
                "/feed",
                .feed(
                    body: Data("<feed/>".utf8), contentType: "application/atom+xml",
                    etag: nil, lastModified: nil))
            let response = try await fetcher.fetch(FetchRequest(url: server.url("/old"), limits: shortLimits()))
            #expect(response.status == 200)
            #expect(response.body == Data("<feed/>".utf8))
            #expect(response.effectiveURL == server.url("/feed"))
            #expect(
                response.redirects == [
                    Redirect(status: 301, location: server.url("/middle")),
                    Redirect(status: 307, location: server.url("/feed")),
                ])
            #expect(response.redirects.map(\.isPermanent) == [true, false])
        }
    }

    @Test func redirectLoopStopsAfterTheLimit() async throws {
        try await withFetcher { server, fetcher in
            server.setRoute("/ping", .redirect(to: "/pong", status: 302))
            server.setRoute("/pong", .redirect(to: "/ping", status: 302))
            let url = server.url("/ping")
            #expect(
                await fetchError(fetcher, FetchRequest(url: url, limits: shortLimits()))
                    == .tooManyRedirects(url, limit: 5))
            #expect(server.requests(to: "/ping").count + server.requests(to: "/pong").count == 6)
        }
    }

    @Test(arguments: ["file:///etc/passwd", "ftp://127.0.0.1/feed.xml", "gopher://127.0.0.1/", "feed.xml"])
    func onlyHTTPAndHTTPSAreFetched(_ address: String) async throws {
        let fetcher = HTTPFetcher(userAgent: "NewswireTests/1.0")
        let url = try #require(URL(string: address))
        #expect(await fetchError(fetcher, FetchRequest(url: url)) == .unsupportedScheme(url))
        await fetcher.shutdown()
    }

    @Test func redirectToAnotherSchemeIsRefused() async throws {
        try await withFetcher { server, fetcher in
            server.setRoute("/sneaky", .redirect(to: "file:///etc/passwd", status: 302))
            let error = await fetchError(fetcher, FetchRequest(url: server.url("/sneaky"), limits: shortLimits()))
            #expect(error == .unsupportedScheme(URL(string: "file:///etc/passwd")!))
        }
    }
}
