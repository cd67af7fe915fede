import Foundation

/// Fetches feeds over HTTP(S) with libcurl: conditional GETs, compressed bodies, bounded size,
/// time and redirects. One `curl_multi` runs on a thread of its own; at most
/// `maxConcurrentTransfers` transfers run at once, and at most `maxTransfersPerHost` per host
/// (others wait in line, and their timeouts start only when they start).
/// Call `shutdown()` before dropping the last reference, to join that thread.
public final class HTTPFetcher: Sendable {
    /// Sent as `User-Agent` with every request.
    public let userAgent: String
    private let engine: CurlEngine

    /// Starts the fetcher's thread. Limits below 1 count as 1.
    public init(userAgent: String, maxConcurrentTransfers: Int = 8, maxTransfersPerHost: Int = 2) {
        self.userAgent = userAgent
        engine = CurlEngine(maxTotal: maxConcurrentTransfers, maxPerHost: maxTransfersPerHost)
    }

    deinit {
        engine.abandon()
    }

    /// Performs one conditional GET: 2xx and 304 are returned, everything else is thrown.
    /// Cancelling the calling task abandons the transfer (`FetchError.transfer`, "cancelled").
    public func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResponse {
        guard let scheme = request.url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw .unsupportedScheme(request.url)
        }
        guard let host = request.url.host, !host.isEmpty else {
            throw .transfer(request.url, reason: "the URL names no host")
        }
        let hostKey = "\(host.lowercased()):\(request.url.port ?? (scheme == "https" ? 443 : 80))"
        let engine = engine
        let id = engine.makeID()
        let job = { (continuation: CheckedContinuation<Result<FetchResponse, FetchError>, Never>) in
            TransferJob(
                id: id, request: request, userAgent: self.userAgent, hostKey: hostKey,
                continuation: continuation)
        }
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in engine.submit(job(continuation)) }
        } onCancel: {
            engine.cancel(id)
        }
        return try result.get()
    }

    /// Fails every queued and running transfer ("fetcher shut down"), stops the fetcher's thread
    /// and waits for it to end. Later fetches fail at once. Safe to call more than once.
    public func shutdown() async {
        await engine.shutdown()
    }
}
