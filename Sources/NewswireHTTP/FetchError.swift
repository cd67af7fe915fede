public import Foundation

/// Why a fetch produced no usable response. Each message says what and where.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL, or a redirect's target (then that target is the URL given), is not http or https.
    case unsupportedScheme(URL)
    /// The connect timeout, total timeout or low-speed limit (whichever fired, in seconds) ran out.
    case timedOut(URL, after: TimeInterval)
    /// No connection: name not resolved, connection refused, TLS handshake or certificate failure.
    case connectionFailed(URL, reason: String)
    /// The body on the wire or decompressed passed its cap (`limit` bytes); the transfer stopped there.
    case bodyTooLarge(URL, limit: Int)
    /// The server redirected more than `limit` times (a loop, usually).
    case tooManyRedirects(URL, limit: Int)
    /// A non-2xx, non-304 status; `retryAfter` when the server sent one.
    case httpStatus(URL, status: Int, retryAfter: TimeInterval?)
    /// Anything else: connection lost mid-response, undecodable body, cancelled, fetcher shut down.
    case transfer(URL, reason: String)

    /// One line for logs and people: the URL, then what went wrong.
    public var description: String {
        switch self {
        case .unsupportedScheme(let url): "\(url.absoluteString): only http and https are fetched"
        case .timedOut(let url, let after): "\(url.absoluteString): timed out after \(Self.seconds(after))"
        case .connectionFailed(let url, let reason): "\(url.absoluteString): cannot connect: \(reason)"
        case .bodyTooLarge(let url, let limit): "\(url.absoluteString): body larger than the \(limit)-byte cap"
        case .tooManyRedirects(let url, let limit): "\(url.absoluteString): more than \(limit) redirects"
        case .httpStatus(let url, let status, nil): "\(url.absoluteString): HTTP \(status)"
        case .httpStatus(let url, let status, let retryAfter?):
            "\(url.absoluteString): HTTP \(status), retry after \(Self.seconds(retryAfter))"
        case .transfer(let url, let reason): "\(url.absoluteString): \(reason)"
        }
    }

    /// "30 s", or "0.5 s" for the short spans tests use.
    private static func seconds(_ span: TimeInterval) -> String {
        span.rounded() == span || span >= 10 ? "\(Int(span.rounded())) s" : "\(span) s"
    }
}
