public import Foundation

/// What the server answered (2xx or 304; other statuses are `FetchError.httpStatus`).
public struct FetchResponse: Sendable, Equatable {
    /// 200-299, or 304 Not Modified (then `body` is empty).
    public var status: Int
    /// The body, decompressed (empty for 304).
    public var body: Data
    /// The response's `ETag`; on a 304 without one, the request's, so it can be stored as is.
    public var etag: String?
    /// The response's `Last-Modified`; on a 304 without one, the request's.
    public var lastModified: String?
    /// The `Content-Type` as sent (parameters such as charset included).
    public var contentType: String?
    /// The URL after redirects.
    public var effectiveURL: URL
    /// Redirects followed, in order, with their status codes (301/308 are permanent).
    public var redirects: [Redirect]
    /// `Cache-Control: max-age` in seconds, when present.
    public var maxAge: TimeInterval?
    /// The instant `Expires` names (unparseable values are left out).
    public var expires: Date?
    /// `Retry-After` as seconds from the response (an HTTP date is converted).
    public var retryAfter: TimeInterval?
    /// Whether the server answered 304: the caller's copy is current.
    public var isNotModified: Bool { status == 304 }

    /// A response with every field given (the fetcher builds these; tests and fakes may too).
    public init(
        status: Int, body: Data, etag: String? = nil, lastModified: String? = nil, contentType: String? = nil,
        effectiveURL: URL, redirects: [Redirect] = [], maxAge: TimeInterval? = nil, expires: Date? = nil,
        retryAfter: TimeInterval? = nil
    ) {
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
    /// The redirect's status: 301, 302, 303, 307 or 308.
    public var status: Int
    /// Where it pointed, resolved against the URL that answered it.
    public var location: URL
    /// 301 and 308 say the feed moved for good: the caller may update its stored URL.
    public var isPermanent: Bool { status == 301 || status == 308 }
    /// A hop with its status and absolute target.
    public init(status: Int, location: URL) {
        self.status = status
        self.location = location
    }
}
