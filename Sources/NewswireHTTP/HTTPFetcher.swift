public import Foundation

/// Bounds on one transfer.
public struct FetchLimits: Sendable, Equatable {
    public var connectTimeout: TimeInterval = 10
    public var totalTimeout: TimeInterval = 60
    /// Cap on the body as received on the wire.
    public var maxBodyBytes: Int = 10 << 20
    /// Cap on the body after decompression (a gzip bomb stops here).
    public var maxDecodedBytes: Int = 10 << 20
    public var maxRedirects: Int = 5
    public init() {}
}

/// One conditional GET.
public struct FetchRequest: Sendable, Equatable {
    public var url: URL
    public var etag: String?
    public var lastModified: String?
    public var limits: FetchLimits
    public init(url: URL, etag: String? = nil, lastModified: String? = nil, limits: FetchLimits = .init()) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.limits = limits
    }
}

/// What the server answered (2xx or 304; other statuses are `FetchError.httpStatus`).
public struct FetchResponse: Sendable, Equatable {
    /// 200-299, or 304 Not Modified (then `body` is empty).
    public var status: Int
    public var body: Data
    public var etag: String?
    public var lastModified: String?
    public var contentType: String?
    /// The URL after redirects.
    public var effectiveURL: URL
    /// Redirects followed, in order, with their status codes (301/308 are permanent).
    public var redirects: [Redirect]
    /// `Cache-Control: max-age`, `Expires` (as seconds from now) and `Retry-After`, when present.
    public var maxAge: TimeInterval?
    public var expires: Date?
    public var retryAfter: TimeInterval?
    public var isNotModified: Bool { status == 304 }

    public init(status: Int, body: Data, etag: String? = nil, lastModified: String? = nil, contentType: String? = nil,
                effectiveURL: URL, redirects: [Redirect] = [], maxAge: TimeInterval? = nil, expires: Date? = nil,
                retryAfter: TimeInterval? = nil) {
        self.status = status
        self.body = body
        self.etag = etag
        self.lastModified = lastModified
        self.contentType = contentType
        self.effectiveURL = effectiveURL
        self.redirects = redirects
        self.maxAge = maxAge
        self.expires = expires
        self.retryAfter = retryAfter
    }
}

/// One redirect hop.
public struct Redirect: Sendable, Equatable {
    public var status: Int
    public var location: URL
    public var isPermanent: Bool { status == 301 || status == 308 }
    public init(status: Int, location: URL) {
        self.status = status
        self.location = location
    }
}

/// Why a fetch produced no usable response. Each message says what and where.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    case unsupportedScheme(URL)
    case timedOut(URL, after: TimeInterval)
    case connectionFailed(URL, reason: String)
    case bodyTooLarge(URL, limit: Int)
    case tooManyRedirects(URL, limit: Int)
    /// A non-2xx, non-304 status; `retryAfter` when the server sent one.
    case httpStatus(URL, status: Int, retryAfter: TimeInterval?)
    case transfer(URL, reason: String)

    public var description: String {
        switch self {
        case .unsupportedScheme(let url): "\(url.absoluteString): only http and https are fetched"
        case .timedOut(let url, let after): "\(url.absoluteString): timed out after \(Int(after)) s"
        case .connectionFailed(let url, let reason): "\(url.absoluteString): cannot connect: \(reason)"
        case .bodyTooLarge(let url, let limit): "\(url.absoluteString): body larger than the \(limit)-byte cap"
        case .tooManyRedirects(let url, let limit): "\(url.absoluteString): more than \(limit) redirects"
        case .httpStatus(let url, let status, _): "\(url.absoluteString): HTTP \(status)"
        case .transfer(let url, let reason): "\(url.absoluteString): \(reason)"
        }
    }
}

/// Fetches feeds over HTTP with libcurl. Placeholder: being implemented.
public final class HTTPFetcher: Sendable {
    public let userAgent: String
    public init(userAgent: String) { self.userAgent = userAgent }

    /// Performs one conditional GET.
    public func fetch(_ request: FetchRequest) async throws(FetchError) -> FetchResponse {
        throw .transfer(request.url, reason: "not implemented yet")
    }
}
