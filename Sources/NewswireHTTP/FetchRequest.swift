public import Foundation

/// One conditional GET.
public struct FetchRequest: Sendable, Equatable {
    /// The feed's address; only http and https are fetched.
    public var url: URL
    /// The `ETag` of the copy the caller has, sent as `If-None-Match`.
    public var etag: String?
    /// The `Last-Modified` of the copy the caller has, sent as `If-Modified-Since`.
    public var lastModified: String?
    /// Bounds on time, size and redirects for this transfer.
    public var limits: FetchLimits
    /// A GET of `url`, conditional when validators from an earlier response are given.
    public init(url: URL, etag: String? = nil, lastModified: String? = nil, limits: FetchLimits = .init()) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.limits = limits
    }
}
