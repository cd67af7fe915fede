public import Foundation

/// Bounds and defaults of the polling policy.
///
/// Durations are in seconds. The policy never crashes on inconsistent values (a maximum below the minimum
/// counts as the minimum, a factor below 1 as 1, a jitter fraction above 0.5 as 0.5), but the configuration
/// loader should reject them and say why.
public struct PollPolicyConfiguration: Sendable, Equatable {
    /// The interval a source starts with (the configured `interval`, e.g. "15m"), kept within the bounds.
    public var baseInterval: TimeInterval
    /// Shortest interval the adaptation may reach (default 5 min): the politeness floor for a busy feed.
    public var minInterval: TimeInterval
    /// Longest interval the adaptation may reach (default 2 h): how stale a quiet feed may get.
    public var maxInterval: TimeInterval
    /// Longest wait after repeated failures (default 6 h); the policy never gives up for good.
    public var maxBackoff: TimeInterval
    /// Delay after the first failure (default 1 min); it doubles with each further failure up to `maxBackoff`.
    public var failureBaseDelay: TimeInterval
    /// Longest delay a server hint (`<ttl>`, `max-age`, `Expires`, `Retry-After`) can impose (default 24 h), so a
    /// misconfigured server cannot make a source go quiet for weeks.
    public var maxServerHint: TimeInterval
    /// Relative spread of every delay (default 0.1, i.e. ±10 %), so sources that started together drift apart.
    public var jitterFraction: Double
    /// Factor by which the interval grows after a poll that brought nothing new (default 1.25: gently).
    public var lengthenFactor: Double
    /// Factor by which the interval shrinks after a poll that brought two or more new items (default 2).
    public var shortenFactor: Double
    /// Window over which first polls are spread at start-up (default 5 min), when shorter than `baseInterval`.
    public var startupWindow: TimeInterval

    /// Creates a configuration; every parameter has the documented default.
    public init(baseInterval: TimeInterval = 900, minInterval: TimeInterval = 300, maxInterval: TimeInterval = 7200,
                maxBackoff: TimeInterval = 6 * 3600, failureBaseDelay: TimeInterval = 60,
                maxServerHint: TimeInterval = 24 * 3600, jitterFraction: Double = 0.1, lengthenFactor: Double = 1.25,
                shortenFactor: Double = 2, startupWindow: TimeInterval = 300) {
        self.baseInterval = baseInterval
        self.minInterval = minInterval
        self.maxInterval = maxInterval
        self.maxBackoff = maxBackoff
        self.failureBaseDelay = failureBaseDelay
        self.maxServerHint = maxServerHint
        self.jitterFraction = jitterFraction
        self.lengthenFactor = lengthenFactor
        self.shortenFactor = shortenFactor
        self.startupWindow = startupWindow
    }
}

extension PollPolicyConfiguration {
    /// The range the adaptive interval stays in; an upper bound below the lower one counts as equal to it.
    var intervalRange: ClosedRange<TimeInterval> {
        let lower = max(0, minInterval)
        return lower...max(lower, maxInterval)
    }

    /// `jitterFraction` limited to 0...0.5, so a delay never jitters down to nothing.
    var effectiveJitterFraction: Double { min(0.5, max(0, jitterFraction)) }
}
