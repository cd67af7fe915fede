import Foundation
import NewswireHTTP
import NewswireTestSupport
import Testing

/// Concurrency limits, queueing, cancellation and shutdown.
@Suite struct FetcherConcurrencyTests {
    private let feed = RouteBehaviour.feed(
        body: Data("<rss/>".utf8), contentType: "application/rss+xml",
        etag: nil, lastModified: nil)

    @Test func perHostLimitIsRespected() async throws {
        try await withFetcher(maxConcurrentTransfers: 8, maxTransfersPerHost: 2) { server, fetcher in
            server.setRoute("/slow", .delayed(.milliseconds(60), then: feed))
            let url = server.url("/slow")
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<10 {
                    group.addTask { try await fetcher.fetch(FetchRequest(url: url, limits: shortLimits())).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 200, count: 10))
            #expect(server.peakConcurrentRequests == 2)
        }
    }

    @Test func timeSpentQueuedDoesNotCountAgainstTheTimeout() async throws {
        try await withFetcher(maxConcurrentTransfers: 1, maxTransfersPerHost: 1) { server, fetcher in
            server.setRoute("/slow", .delayed(.milliseconds(150), then: feed))
            let url = server.url("/slow")
            let limits = shortLimits(total: 0.5)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<5 {
                    group.addTask { try await fetcher.fetch(FetchRequest(url: url, limits: limits)).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: 200, count: 5))
            #expect(server.peakConcurrentRequests == 1)
        }
    }

    @Test func cancellingTheTaskAbandonsTheTransfer() async throws {
        try await withFetcher { server, fetcher in
            server.setRoute("/hang", .hang)
            let url = server.url("/hang")
            let fetch = Task { await fetchError(fetcher, FetchRequest(url: url, limits: shortLimits(total: 30))) }
            await server.waitForRequests(to: "/hang")
            fetch.cancel()
            #expect(await fetch.value == .transfer(url, reason: "cancelled"))
        }
    }

    @Test func cancellingAQueuedFetchLeavesTheRunningOneAlone() async throws {
        try await withFetcher(maxConcurrentTransfers: 1, maxTransfersPerHost: 1) { server, fetcher in
            server.setRoute("/hang", .hang)
            server.setRoute("/feed", feed)
            let running = Task {
                await fetchError(fetcher, FetchRequest(url: server.url("/hang"), limits: shortLimits(total: 30)))
            }
            await server.waitForRequests(to: "/hang")
            let queued = Task { try await fetcher.fetch(FetchRequest(url: server.url("/feed"), limits: shortLimits())) }
            queued.cancel()
            await #expect(throws: FetchError.transfer(server.url("/feed"), reason: "cancelled")) {
                try await queued.value
            }
            #expect(server.requests(to: "/feed").isEmpty)
            running.cancel()
            #expect(await running.value == .transfer(server.url("/hang"), reason: "cancelled"))
        }
    }

    @Test func shutdownFailsPendingFetchesAndLaterOnes() async throws {
        let server = try await LoopbackHTTPServer.start()
        server.setRoute("/hang", .hang)
        let url = server.url("/hang")
        let fetcher = HTTPFetcher(userAgent: "NewswireTests/1.0", maxConcurrentTransfers: 1, maxTransfersPerHost: 1)
        let running = Task { await fetchError(fetcher, FetchRequest(url: url, limits: shortLimits(total: 30))) }
        await server.waitForRequests(to: "/hang")
        let queued = Task { await fetchError(fetcher, FetchRequest(url: url, limits: shortLimits(total: 30))) }
        await fetcher.shutdown()
        let shutDown = FetchError.transfer(url, reason: "the fetcher is shut down")
        #expect(await running.value == shutDown)
        #expect(await queued.value == shutDown)
        #expect(await fetchError(fetcher, FetchRequest(url: url)) == shutDown)
        await fetcher.shutdown()
        try await server.shutdown()
    }
}
