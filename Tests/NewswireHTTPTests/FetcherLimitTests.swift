import Foundation
import NewswireHTTP
import NewswireTestSupport
import Testing

/// Hostile servers: slow, silent, endless, huge, compressed bombs, resets.
@Suite struct FetcherLimitTests {
    @Test func slowDripHitsTheTotalTimeout() async throws {
        try await withFetcher { server, fetcher in
            server.setRoute("/drip", .slowDrip(chunk: Data("<".utf8), every: .milliseconds(20), count: 10_000))
            let url = server.url("/drip")
            var limits = shortLimits(total: 0.5)
            limits.lowSpeedLimit = 1
            var error: FetchError?
            let elapsed = await secondsTaken {
                error = await fetchError(fetcher, FetchRequest(url: url, limits: limits))
            }
            #expect(error == .timedOut(url, after: 0.5))
            #expect(elapsed < 1.5)
        }
    }

    @Test func slowDripHitsTheLowSpeedLimitBeforeTheTotalTimeout() async throws {
        try await withFetcher { server, fetcher in
            server.setRoute("/drip", .slowDrip(chunk: Data("<".utf8), every: .milliseconds(20), count: 10_000))
            let url = server.url("/drip")
            var limits = shortLimits(total: 10)
            limits.lowSpeedLimit = 1_000
            limits.lowSpeedTime = 1
            var error: FetchError?
            let elapsed = await secondsTaken {
                error = await fetchError(fetcher, FetchRequest(url: url, limits: limits))
            }
            #expect(error == .timedOut(url, after: 1))
            #expect(elapsed < 2)
        }
    }

    @Test func silentServerTimesOut() async throws {
        try await withFetcher { server, fetcher in
            server.setRoute("/hang", .hang)
            let url = server.url("/hang")
            var error: FetchError?
            let elapsed = await secondsTaken {
                error = await fetchError(fetcher, FetchRequest(url: url, limits: shortLimits(total: 0.4)))
            }
            #expect(error == .timedOut(url, after: 0.4))
            #expect(error?.description == "\(url.absoluteString): timed out after 0.4 s")
            #expect(elapsed < 1.2)
        }
    }

    @Test func endlessBodyStopsAtTheCap() async throws {
        try await withFetcher { server, fetcher in
            server.setRoute("/endless", .endless)
            let url = server.url("/endless")
            var error: FetchError?
            let elapsed = await secondsTaken {
                error = await fetchError(fetcher, FetchRequest(url: url, limits: shortLimits(maxBytes: 1 << 20)))
            }
            #expect(error == .bodyTooLarge(url, limit: 1 << 20))
            #expect(elapsed < 1.5)
        }
    }

    @Test func oneGigabyteBodyStopsAtTheCapWithBoundedMemory() async throws {
        try await withFetcher { server, fetcher in
            server.setRoute("/huge", .huge(bytes: 1 << 30))
            let url = server.url("/huge")
            let before = residentBytes()
            var error: FetchError?
            let elapsed = await secondsTaken {
                error = await fetchError(fetcher, FetchRequest(url: url, limits: shortLimits(maxBytes: 2 << 20)))
            }
            #expect(error == .bodyTooLarge(url, limit: 2 << 20))
            #expect(elapsed < 1.5)
            #expect(residentBytes() - before < 256 << 20)  // other tests run alongside: a loose bound, far below 1 GB
        }
    }

    @Test func gzipBombStopsAtTheDecodedCap() async throws {
        try await withFetcher { server, fetcher in
            server.setRoute("/bomb", .gzipBomb(decodedBytes: 1 << 30))
            let url = server.url("/bomb")
            var limits = shortLimits(maxBytes: 1 << 20)
            limits.maxDecodedBytes = 4 << 20
            let before = residentBytes()
            var error: FetchError?
            let elapsed = await secondsTaken {
                error = await fetchError(fetcher, FetchRequest(url: url, limits: limits))
            }
            #expect(error == .bodyTooLarge(url, limit: 4 << 20))
            #expect(elapsed < 1.5)
            #expect(residentBytes() - before < 256 << 20)  // other tests run alongside: a loose bound, far below 1 GB
        }
    }

    @Test func resetConnectionIsATransferError() async throws {
        try await withFetcher { server, fetcher in
            server.setRoute("/reset", .reset)
            let url = server.url("/reset")
            let error = await fetchError(fetcher, FetchRequest(url: url, limits: shortLimits()))
            switch error {
            case .transfer(url, _), .connectionFailed(url, _): break
            default: Issue.record("expected a connection or transfer error, got \(String(describing: error))")
            }
        }
    }

    @Test func refusedConnectionIsAConnectionError() async throws {
        let server = try await LoopbackHTTPServer.start()
        let url = server.url("/feed.xml")
        try await server.shutdown()
        let fetcher = HTTPFetcher(userAgent: "NewswireTests/1.0")
        let error = await fetchError(fetcher, FetchRequest(url: url, limits: shortLimits()))
        guard case .connectionFailed(url, let reason) = error else {
            Issue.record("expected connectionFailed, got \(String(describing: error))")
            return await fetcher.shutdown()
        }
        #expect(!reason.isEmpty)
        await fetcher.shutdown()
    }
}
