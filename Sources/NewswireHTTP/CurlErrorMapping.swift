import CCurl
import Foundation

/// Turns a libcurl failure into the `FetchError` a person can act on.
enum CurlErrorMapping {
    /// What is known about the failed transfer besides its code.
    struct Context {
        var url: URL
        /// The URL last requested (a redirect's target, when one was followed).
        var lastTarget: URL
        var limits: FetchLimits
        /// libcurl's own sentence from its error buffer (may be empty).
        var message: String
        /// Whether a connection was established before the failure.
        var connected: Bool
        var elapsed: TimeInterval
    }

    static func error(for code: CURLcode, transfer context: Context) -> FetchError {
        let url = context.url
        let detail = context.message.isEmpty ? String(cString: curl_easy_strerror(code)) : context.message
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL:
            return .unsupportedScheme(context.lastTarget)
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut(url, after: timeoutThatFired(context))
        case CURLE_TOO_MANY_REDIRECTS:
            return .tooManyRedirects(url, limit: context.limits.maxRedirects)
        case CURLE_FILESIZE_EXCEEDED:
            return .bodyTooLarge(url, limit: context.limits.maxBodyBytes)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT,
            CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CIPHER:
            return .connectionFailed(url, reason: detail)
        case CURLE_GOT_NOTHING:
            return .transfer(url, reason: "the server closed the connection without answering")
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR:
            return .transfer(url, reason: "connection lost: \(detail)")
        case CURLE_PARTIAL_FILE:
            return .transfer(url, reason: "the body ended early: \(detail)")
        case CURLE_BAD_CONTENT_ENCODING:
            return .transfer(url, reason: "cannot decode the compressed body: \(detail)")
        default:
            return .transfer(url, reason: "\(detail) (libcurl error \(code.rawValue))")
        }
    }

    /// Which configured limit a `CURLE_OPERATION_TIMEDOUT` stands for, in seconds.
    static func timeoutThatFired(_ context: Context) -> TimeInterval {
        let limits = context.limits
        if context.message.contains("too slow") { return limits.lowSpeedTime.rounded(.up) }
        if !context.connected && context.elapsed < limits.totalTimeout * 0.99 { return limits.connectTimeout }
        return limits.totalTimeout
    }
}
