public import Foundation

/// Everything the daemon can be told in `newswired.toml`, with every default filled in.
public struct DaemonConfiguration: Sendable, Equatable {
    /// How often each outlet is polled at first (the policy then adapts within the bounds).
    public var interval: TimeInterval = 900
    /// Bounds of the adaptive polling interval and of the backoff after errors.
    public var minInterval: TimeInterval = 300
    public var maxInterval: TimeInterval = 7200
    public var maxBackoff: TimeInterval = 6 * 3600
    /// The first retry after a failure (doubling up to `maxBackoff`).
    public var failureRetry: TimeInterval = 60
    /// First polls are spread over this window; nil: 2 s per feed, at most 5 min.
    public var startupWindow: TimeInterval?
    public var http = HTTPSettings()
    /// A story with no new article for this long is closed.
    public var storyQuietPeriod: TimeInterval = 48 * 3600
    /// Events a socket subscriber may have waiting (unread) before it is disconnected with an
    /// `overflow` line; it bounds the memory one slow reader can hold.
    public var subscriberQueue: Int = 20_000
    /// The outlets to poll; nil means every built-in outlet with its default feeds.
    public var outlets: [OutletConfiguration]?

    public init() {}
}

/// How feeds are fetched.
public struct HTTPSettings: Sendable, Equatable {
    public var connectTimeout: TimeInterval = 10
    public var totalTimeout: TimeInterval = 60
    public var maxBodyBytes: Int = 10 << 20
    public var maxRedirects: Int = 5
    /// Transfers at once, overall and per host.
    public var maxConcurrent: Int = 8
    public var maxPerHost: Int = 2
    public init() {}
}

/// One `[outlets.ID]` table.
public struct OutletConfiguration: Sendable, Equatable {
    public var id: String
    /// Required for an outlet that is not built in.
    public var name: String?
    /// Overrides the built-in adapter's default feeds; required for an outlet that is not built in.
    public var feeds: [URL]?
    /// Overrides the global `interval` for this outlet.
    public var interval: TimeInterval?
    public var description: String?
    public var language: String?
    public var country: String?
    public var homepage: URL?

    public init(id: String, name: String? = nil, feeds: [URL]? = nil, interval: TimeInterval? = nil) {
        self.id = id
        self.name = name
        self.feeds = feeds
        self.interval = interval
    }
}
