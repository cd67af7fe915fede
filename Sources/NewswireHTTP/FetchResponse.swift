public import Foundation

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
