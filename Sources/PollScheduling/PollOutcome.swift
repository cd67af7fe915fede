public import Foundation

/// What one poll of a source produced, as the policy needs to know it.
public enum PollOutcome: Sendable, Equatable {
    /// The feed answered (a 304 Not Modified counts, with no new items); `newItems` articles were new.
    /// `serverHint` is the longest lower bound the server asked for (`<ttl>`, `max-age`, `Expires`,
    /// `Retry-After`), in seconds from now: see `ServerHints.lowerBound(now:)`.
    case fetched(newItems: Int, serverHint: TimeInterval?)
    /// The fetch failed; `retryAfter` when the server said when to come back (429, 503).
    case failed(retryAfter: TimeInterval?)
    /// 410 Gone: the feed is disabled until it is configured again (see `PollPolicy.initialState()`).
    case gone
}
