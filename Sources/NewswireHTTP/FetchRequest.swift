public import Foundation

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
