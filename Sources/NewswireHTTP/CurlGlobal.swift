import CCurl

/// libcurl's process-wide initialisation, done once before the first handle is made.
enum CurlGlobal {
    /// `CURLE_OK`, or why `curl_global_init` failed; evaluated once, thread-safely.
    static let initialisation: CURLcode = newswire_curl_global_init_default()

    /// Whether libcurl is ready for use.
    static var isReady: Bool { initialisation == CURLE_OK }
}
