import CCurl
import Foundation

/// One libcurl easy handle configured for a conditional GET, and what its callbacks gathered.
/// Lives on the engine thread; the callbacks reach it through an unretained context pointer,
/// valid while the engine holds the transfer (from `curl_multi_add_handle` to its removal).
final class CurlTransfer {
    let job: TransferJob
    let handle: UnsafeMutableRawPointer
    /// libcurl writes its sentence about a failure here (`CURLOPT_ERRORBUFFER`).
    let errorBuffer: UnsafeMutablePointer<CChar>
    /// The request's extra header lines, freed with the transfer.
    var requestHeaders: UnsafeMutablePointer<curl_slist>?
    private var limits: FetchLimits { job.request.limits }

    private var body = Data()
    private var heads = ResponseHeadCollector()
    private var redirects: [Redirect] = []
    private var currentURL: URL
    /// Set when a callback stopped the transfer; wins over the libcurl error it causes.
    private var abortReason: FetchError?

    private init(job: TransferJob, handle: UnsafeMutableRawPointer) {
        self.job = job
        self.handle = handle
        currentURL = job.request.url
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(requestHeaders)
        errorBuffer.deallocate()
    }

    /// A configured transfer, or why libcurl would not take the request.
    static func make(_ job: TransferJob) -> Result<CurlTransfer, FetchError> {
        guard let handle = curl_easy_init() else {
            return .failure(.transfer(job.request.url, reason: "libcurl could not create a handle"))
        }
        let transfer = CurlTransfer(job: job, handle: handle)
        if let refused = transfer.applyOptions() {
            return .failure(.transfer(job.request.url, reason: "libcurl refused option \(refused)"))
        }
        return .success(transfer)
    }

    // MARK: Callbacks (engine thread, inside curl_multi_perform)

    /// Keeps body bytes of a 2xx response (decoded by libcurl), up to the decoded cap.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard let status = heads.completed.last?.status, (200..<300).contains(status) else {
            return bytes.count  // an error page: counted on the wire, not kept
        }
        guard body.count + bytes.count <= limits.maxDecodedBytes else {
            abortReason = .bodyTooLarge(job.request.url, limit: limits.maxDecodedBytes)
            return 0
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    /// Collects header lines; a completed 3xx head with a Location is a hop libcurl follows.
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) -> Int {
        let line = String(decoding: bytes, as: UTF8.self)
        if let head = heads.consume(line: line[...]), [301, 302, 303, 307, 308].contains(head.status),
            let location = head.value("location"),
            let target = URL(string: location, relativeTo: currentURL)?.absoluteURL
        {
            redirects.append(Redirect(status: head.status, location: target))
            currentURL = target
        }
        return bytes.count
    }

    /// Stops the transfer once more bytes than the wire cap arrived (chunked or lying lengths).
    func progress(downloaded: curl_off_t) -> Int32 {
        guard downloaded > curl_off_t(limits.maxBodyBytes) else { return 0 }
        abortReason = .bodyTooLarge(job.request.url, limit: limits.maxBodyBytes)
        return 1
    }

    // MARK: Outcome

    /// The response, or the error, for a transfer libcurl finished with `code`.
    func outcome(_ code: CURLcode) -> Result<FetchResponse, FetchError> {
        if let abortReason { return .failure(abortReason) }
        guard code == CURLE_OK else {
            return .failure(CurlErrorMapping.error(for: code, transfer: failureContext()))
        }
        var status = 0
        _ = newswire_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        let head = heads.finalHead ?? ResponseHead(status: status)
        let hints = CachingHints(head: head, now: Date())
        guard (200..<300).contains(status) || status == 304 else {
            return .failure(.httpStatus(job.request.url, status: status, retryAfter: hints.retryAfter))
        }
        var redirectCount = 0
        _ = newswire_curl_getinfo_long(handle, CURLINFO_REDIRECT_COUNT, &redirectCount)
        let notModified = status == 304
        return .success(
            FetchResponse(
                status: status, body: notModified ? Data() : body,
                etag: head.value("etag") ?? (notModified ? job.request.etag : nil),
                lastModified: head.value("last-modified") ?? (notModified ? job.request.lastModified : nil),
                contentType: head.value("content-type"), effectiveURL: effectiveURL(),
                redirects: Array(redirects.prefix(redirectCount)),
                maxAge: hints.maxAge, expires: hints.expires, retryAfter: hints.retryAfter))
    }

    private func effectiveURL() -> URL {
        var pointer: UnsafeMutablePointer<CChar>?
        guard newswire_curl_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &pointer) == CURLE_OK,
            let pointer, let url = URL(string: String(cString: pointer))
        else { return currentURL }
        return url
    }

    private func failureContext() -> CurlErrorMapping.Context {
        var connectTime: curl_off_t = 0
        var totalTime: curl_off_t = 0
        _ = newswire_curl_getinfo_off(handle, CURLINFO_CONNECT_TIME_T, &connectTime)
        _ = newswire_curl_getinfo_off(handle, CURLINFO_TOTAL_TIME_T, &totalTime)
        return .init(
            url: job.request.url, lastTarget: currentURL, limits: limits,
            message: String(cString: errorBuffer), connected: connectTime > 0,
            elapsed: TimeInterval(totalTime) / 1_000_000)
    }
}
