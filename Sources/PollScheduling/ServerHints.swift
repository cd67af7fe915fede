public import Foundation

/// What a server said about when to come back, gathered from the feed and the HTTP response.
///
/// Each hint is a *lower bound* on the next poll: the policy never polls sooner than the longest of them
/// (but never waits longer than `PollPolicyConfiguration.maxServerHint` because of them).
public struct ServerHints: Sendable, Equatable {
    /// RSS `<ttl>`, in minutes as the feed states it.
    public var ttlMinutes: Int?
    /// `Cache-Control: max-age`, in seconds (the HTTP layer subtracts `Age` when it wants to be exact).
    public var maxAge: TimeInterval?
    /// `Expires`, as an absolute date.
    public var expires: Date?
    /// `Retry-After`, in seconds from now (an HTTP-date converted by the HTTP layer).
    public var retryAfter: TimeInterval?

    /// Creates hints; absent ones are `nil`.
    public init(ttlMinutes: Int? = nil, maxAge: TimeInterval? = nil, expires: Date? = nil,
                retryAfter: TimeInterval? = nil) {
        self.ttlMinutes = ttlMinutes
        self.maxAge = maxAge
        self.expires = expires
        self.retryAfter = retryAfter
    }

    /// The longest wait the hints ask for, in seconds from `now` (injected), or `nil` when none asks for a
    /// positive wait. An `Expires` in the past and negative values ask for nothing.
    public func lowerBound(now: Date) -> TimeInterval? {
        let waits = [
            ttlMinutes.map { TimeInterval($0) * 60 },
            maxAge,
            expires.map { $0.timeIntervalSince(now) },
            retryAfter,
        ]
        return waits.compactMap { $0 }.filter { $0 > 0 }.max()
    }
}
