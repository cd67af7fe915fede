import CCurl
import Foundation

extension CurlTransfer {
    /// The `Accept` header: feed formats first, anything else last.
    static let acceptedTypes =
        "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, "
        + "text/xml;q=0.9, */*;q=0.8"

    /// Sets every option of a conditional GET within the request's limits; returns the name of
    /// the first option libcurl refused, or `nil`.
    func applyOptions() -> String? {
        let request = job.request
        let limits = request.limits
        var headers = ["Accept: \(Self.acceptedTypes)"]
        if let etag = request.etag, Self.isSafeHeaderValue(etag) { headers.append("If-None-Match: \(etag)") }
        if let date = request.lastModified, Self.isSafeHeaderValue(date) {
            headers.append("If-Modified-Since: \(date)")
        }
        for header in headers { requestHeaders = curl_slist_append(requestHeaders, header) }

        let context = Unmanaged.passUnretained(self).toOpaque()
        var options = CurlOptionSetter(handle: handle)
        options.set("URL", CURLOPT_URL, request.url.absoluteString)
        options.set("HTTPGET", CURLOPT_HTTPGET, 1)
        options.set("PROTOCOLS_STR", CURLOPT_PROTOCOLS_STR, "http,https")
        options.set("REDIR_PROTOCOLS_STR", CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        options.set("FOLLOWLOCATION", CURLOPT_FOLLOWLOCATION, 1)
        options.set("MAXREDIRS", CURLOPT_MAXREDIRS, max(0, limits.maxRedirects))
        options.set("NOSIGNAL", CURLOPT_NOSIGNAL, 1)
        options.set("USERAGENT", CURLOPT_USERAGENT, job.userAgent)
        options.set("ACCEPT_ENCODING", CURLOPT_ACCEPT_ENCODING, "")  // every decoder libcurl has
        options.set("HTTP_VERSION", CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS)
        options.set("PIPEWAIT", CURLOPT_PIPEWAIT, 1)
        options.set("SSL_VERIFYPEER", CURLOPT_SSL_VERIFYPEER, 1)
        options.set("SSL_VERIFYHOST", CURLOPT_SSL_VERIFYHOST, 2)
        options.set("CONNECTTIMEOUT_MS", CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(limits.connectTimeout))
        options.set("TIMEOUT_MS", CURLOPT_TIMEOUT_MS, Self.milliseconds(limits.totalTimeout))
        options.set("LOW_SPEED_LIMIT", CURLOPT_LOW_SPEED_LIMIT, max(0, limits.lowSpeedLimit))
        options.set("LOW_SPEED_TIME", CURLOPT_LOW_SPEED_TIME, max(1, Int(limits.lowSpeedTime.rounded(.up))))
        options.check("MAXFILESIZE_LARGE") {
            newswire_curl_setopt_off($0, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(max(0, limits.maxBodyBytes)))
        }
        options.check("HTTPHEADER") { newswire_curl_setopt_slist($0, CURLOPT_HTTPHEADER, self.requestHeaders) }
        options.check("ERRORBUFFER") { newswire_curl_setopt_pointer($0, CURLOPT_ERRORBUFFER, self.errorBuffer) }
        options.check("WRITEFUNCTION") { newswire_curl_setopt_write_callback($0, curlWriteCallback) }
        options.check("WRITEDATA") { newswire_curl_setopt_pointer($0, CURLOPT_WRITEDATA, context) }
        options.check("HEADERFUNCTION") { newswire_curl_setopt_header_callback($0, curlHeaderCallback) }
        options.check("HEADERDATA") { newswire_curl_setopt_pointer($0, CURLOPT_HEADERDATA, context) }
        options.check("XFERINFOFUNCTION") { newswire_curl_setopt_xferinfo_callback($0, curlProgressCallback) }
        options.check("XFERINFODATA") { newswire_curl_setopt_pointer($0, CURLOPT_XFERINFODATA, context) }
        options.set("NOPROGRESS", CURLOPT_NOPROGRESS, 0)
        return options.refused
    }

    private static func milliseconds(_ seconds: TimeInterval) -> Int {
        max(1, Int((seconds * 1000).rounded()))
    }

    /// Caller-supplied validators go into header lines: no line breaks allowed.
    private static func isSafeHeaderValue(_ value: String) -> Bool {
        !value.isEmpty && !value.contains { $0 == "\r" || $0 == "\n" || $0 == "\0" }
    }
}

/// Sets options on one easy handle and remembers the first that libcurl refused.
private struct CurlOptionSetter {
    let handle: UnsafeMutableRawPointer
    private(set) var refused: String?

    init(handle: UnsafeMutableRawPointer) {
        self.handle = handle
    }

    mutating func set(_ name: String, _ option: CURLoption, _ value: Int) {
        check(name) { newswire_curl_setopt_long($0, option, value) }
    }

    mutating func set(_ name: String, _ option: CURLoption, _ value: String) {
        check(name) { newswire_curl_setopt_string($0, option, value) }
    }

    mutating func check(_ name: String, _ apply: (UnsafeMutableRawPointer) -> CURLcode) {
        if apply(handle) != CURLE_OK && refused == nil { refused = name }
    }
}

// libcurl's callbacks: plain C functions that find their transfer through the context pointer.

private func curlWriteCallback(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
    _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
}

private func curlHeaderCallback(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
    _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
}

private func curlProgressCallback(
    _ context: UnsafeMutableRawPointer?, _ downloadTotal: curl_off_t,
    _ downloaded: curl_off_t, _ uploadTotal: curl_off_t,
    _ uploaded: curl_off_t
) -> Int32 {
    guard let context else { return 1 }
    return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().progress(downloaded: downloaded)
}
