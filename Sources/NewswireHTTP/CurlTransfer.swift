import CCurl
import Foundation

/// One libcurl easy handle configured for a conditional GET, and what its callbacks gathered.
/// Lives on the engine thread; the callbacks reach it through an unretained context pointer,
/// valid while the engine holds the transfer (from `curl_multi_add_handle` to its removal).
final class CurlTransfer {
    let job: TransferJob
    let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var requestHeaders: UnsafeMutablePointer<curl_slist>?
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
        if let refused = transfer.configure() {
            return .failure(.transfer(job.request.url, reason: "libcurl refused option \(refused)"))
        }
        return .success(transfer)
    }

    // MARK: Callbacks (engine thread, inside curl_multi_perform)

    /// Keeps body bytes of a 2xx response (decoded by libcurl), up to the decoded cap.
    fileprivate func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
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
    fileprivate func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) -> Int {
        let line = String(decoding: bytes, as: UTF8.self)
        if let head = heads.consume(line: line[...]), [301, 302, 303, 307, 308].contains(head.status),
           let location = head.value("location"),
           let target = URL(string: location, relativeTo: currentURL)?.absoluteURL {
            redirects.append(Redirect(status: head.status, location: target))
            currentURL = target
        }
        return bytes.count
    }

    /// Stops the transfer once more bytes than the wire cap arrived (chunked or lying lengths).
    fileprivate func progress(downloaded: curl_off_t) -> Int32 {
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
        return .success(FetchResponse(
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
              let pointer, let url = URL(string: String(cString: pointer)) else { return currentURL }
        return url
    }

    private func failureContext() -> CurlErrorMapping.Context {
        var connectTime: curl_off_t = 0
        var totalTime: curl_off_t = 0
        _ = newswire_curl_getinfo_off(handle, CURLINFO_CONNECT_TIME_T, &connectTime)
        _ = newswire_curl_getinfo_off(handle, CURLINFO_TOTAL_TIME_T, &totalTime)
        return .init(url: job.request.url, lastTarget: currentURL, limits: limits,
                     message: String(cString: errorBuffer), connected: connectTime > 0,
                     elapsed: TimeInterval(totalTime) / 1_000_000)
    }

    // MARK: Configuration

    /// Sets every option; returns the name of the first one libcurl refused.
    private func configure() -> String? {
        let request = job.request
        let context = Unmanaged.passUnretained(self).toOpaque()
        var headers = ["Accept: application/rss+xml, application/atom+xml, application/feed+json, "
                       + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"]
        if let etag = request.etag, Self.isSafeHeaderValue(etag) { headers.append("If-None-Match: \(etag)") }
        if let date = request.lastModified, Self.isSafeHeaderValue(date) { headers.append("If-Modified-Since: \(date)") }
        for header in headers { requestHeaders = curl_slist_append(requestHeaders, header) }

        let options: [(String, () -> CURLcode)] = [
            ("URL", { newswire_curl_setopt_string(self.handle, CURLOPT_URL, request.url.absoluteString) }),
            ("HTTPGET", { newswire_curl_setopt_long(self.handle, CURLOPT_HTTPGET, 1) }),
            ("PROTOCOLS_STR", { newswire_curl_setopt_string(self.handle, CURLOPT_PROTOCOLS_STR, "http,https") }),
            ("REDIR_PROTOCOLS_STR", {
                newswire_curl_setopt_string(self.handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") }),
            ("FOLLOWLOCATION", { newswire_curl_setopt_long(self.handle, CURLOPT_FOLLOWLOCATION, 1) }),
            ("MAXREDIRS", { newswire_curl_setopt_long(self.handle, CURLOPT_MAXREDIRS, max(0, request.limits.maxRedirects)) }),
            ("NOSIGNAL", { newswire_curl_setopt_long(self.handle, CURLOPT_NOSIGNAL, 1) }),
            ("USERAGENT", { newswire_curl_setopt_string(self.handle, CURLOPT_USERAGENT, self.job.userAgent) }),
            ("ACCEPT_ENCODING", { newswire_curl_setopt_string(self.handle, CURLOPT_ACCEPT_ENCODING, "") }),
            ("HTTP_VERSION", { newswire_curl_setopt_long(self.handle, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS) }),
            ("PIPEWAIT", { newswire_curl_setopt_long(self.handle, CURLOPT_PIPEWAIT, 1) }),
            ("SSL_VERIFYPEER", { newswire_curl_setopt_long(self.handle, CURLOPT_SSL_VERIFYPEER, 1) }),
            ("SSL_VERIFYHOST", { newswire_curl_setopt_long(self.handle, CURLOPT_SSL_VERIFYHOST, 2) }),
            ("CONNECTTIMEOUT_MS", {
                newswire_curl_setopt_long(self.handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.limits.connectTimeout)) }),
            ("TIMEOUT_MS", {
                newswire_curl_setopt_long(self.handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(request.limits.totalTimeout)) }),
            ("LOW_SPEED_LIMIT", {
                newswire_curl_setopt_long(self.handle, CURLOPT_LOW_SPEED_LIMIT, max(0, request.limits.lowSpeedLimit)) }),
            ("LOW_SPEED_TIME", {
                newswire_curl_setopt_long(self.handle, CURLOPT_LOW_SPEED_TIME,
                                          max(1, Int(request.limits.lowSpeedTime.rounded(.up)))) }),
            ("MAXFILESIZE_LARGE", {
                newswire_curl_setopt_off(self.handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(max(0, request.limits.maxBodyBytes))) }),
            ("HTTPHEADER", { newswire_curl_setopt_slist(self.handle, CURLOPT_HTTPHEADER, self.requestHeaders) }),
            ("ERRORBUFFER", { newswire_curl_setopt_pointer(self.handle, CURLOPT_ERRORBUFFER, self.errorBuffer) }),
            ("WRITEFUNCTION", { newswire_curl_setopt_write_callback(self.handle, curlWriteCallback) }),
            ("WRITEDATA", { newswire_curl_setopt_pointer(self.handle, CURLOPT_WRITEDATA, context) }),
            ("HEADERFUNCTION", { newswire_curl_setopt_header_callback(self.handle, curlHeaderCallback) }),
            ("HEADERDATA", { newswire_curl_setopt_pointer(self.handle, CURLOPT_HEADERDATA, context) }),
            ("XFERINFOFUNCTION", { newswire_curl_setopt_xferinfo_callback(self.handle, curlProgressCallback) }),
            ("XFERINFODATA", { newswire_curl_setopt_pointer(self.handle, CURLOPT_XFERINFODATA, context) }),
            ("NOPROGRESS", { newswire_curl_setopt_long(self.handle, CURLOPT_NOPROGRESS, 0) }),
        ]
        return options.first { $0.1() != CURLE_OK }?.0
    }

    private static func milliseconds(_ seconds: TimeInterval) -> Int {
        max(1, Int((seconds * 1000).rounded()))
    }

    /// Caller-supplied validators go into header lines: no line breaks allowed.
    private static func isSafeHeaderValue(_ value: String) -> Bool {
        !value.isEmpty && !value.contains { $0 == "\r" || $0 == "\n" || $0 == "\0" }
    }
}

// libcurl's callbacks: plain C functions that find their transfer through the context pointer.

private func curlWriteCallback(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
                               _ context: UnsafeMutableRawPointer?) -> Int {
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
}

private func curlHeaderCallback(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
                                _ context: UnsafeMutableRawPointer?) -> Int {
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
}

private func curlProgressCallback(_ context: UnsafeMutableRawPointer?, _ downloadTotal: curl_off_t,
                                  _ downloaded: curl_off_t, _ uploadTotal: curl_off_t,
                                  _ uploaded: curl_off_t) -> Int32 {
    guard let context else { return 1 }
    return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().progress(downloaded: downloaded)
}
