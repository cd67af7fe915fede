import Foundation
import NewswireHTTP
import NewswireTestSupport
import Testing

/// A loopback server and a fetcher pointed at it, both shut down after `body`.
func withFetcher(
    maxConcurrentTransfers: Int = 8, maxTransfersPerHost: Int = 2,
    _ body: (LoopbackHTTPServer, HTTPFetcher) async throws -> Void
) async throws {
    let server = try await LoopbackHTTPServer.start()
    let fetcher = HTTPFetcher(
        userAgent: "NewswireTests/1.0", maxConcurrentTransfers: maxConcurrentTransfers,
        maxTransfersPerHost: maxTransfersPerHost)
    do {
        try await body(server, fetcher)
    } catch {
        await fetcher.shutdown()
        try await server.shutdown()
        throw error
    }
    await fetcher.shutdown()
    try await server.shutdown()
}

/// Limits short enough for a fast suite.
func shortLimits(total: TimeInterval = 2, maxBytes: Int = 1 << 20) -> FetchLimits {
    var limits = FetchLimits()
    limits.connectTimeout = 1
    limits.totalTimeout = total
    limits.maxBodyBytes = maxBytes
    limits.maxDecodedBytes = maxBytes
    return limits
}

/// The error `fetch` threw, or a recorded issue when it returned a response.
func fetchError(
    _ fetcher: HTTPFetcher, _ request: FetchRequest,
    sourceLocation: SourceLocation = #_sourceLocation
) async -> FetchError? {
    do {
        let response = try await fetcher.fetch(request)
        Issue.record("expected an error, got HTTP \(response.status)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// Wall-clock seconds `body` took.
func secondsTaken(_ body: () async throws -> Void) async rethrows -> TimeInterval {
    let start = ContinuousClock.now
    try await body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// This process's resident memory in bytes (Linux).
func residentBytes() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = statm.split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * 4096 : 0
}
