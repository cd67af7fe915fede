public import Foundation

/// Bounds and defaults of the polling policy.
public struct PollPolicyConfiguration: Sendable, Equatable {
    /// The interval a source starts with (the configured `interval`).
    public var baseInterval: TimeInterval
    public var minInterval: TimeInterval
    public var maxInterval: TimeInterval
    /// Longest wait after repeated failures.
    public var maxBackoff: TimeInterval
    public init(baseInterval: TimeInterval = 900, minInterval: TimeInterval = 300, maxInterval: TimeInterval = 7200,
                maxBackoff: TimeInterval = 6 * 3600) {
        self.baseInterval = baseInterval
        self.minInterval = minInterval
        self.maxInterval = maxInterval
        self.maxBackoff = maxBackoff
    }
}

/// What one poll of a source produced, as the policy needs to know it.
public enum PollOutcome: Sendable, Equatable {
    /// The feed answered; `newItems` articles were new. `serverHint` is the longest lower bound the
    /// server asked for (ttl, max-age, Expires, Retry-After), in seconds from now.
    case fetched(newItems: Int, serverHint: TimeInterval?)
    /// The fetch failed; `retryAfter` when the server said when to come back.
    case failed(retryAfter: TimeInterval?)
    /// 410 Gone: the feed is disabled.
    case gone
}

/// Per-source state of the policy.
public struct PollState: Sendable, Equatable, Codable {
    public var interval: TimeInterval
    public var consecutiveFailures: Int
    public var disabled: Bool
    public init(interval: TimeInterval, consecutiveFailures: Int = 0, disabled: Bool = false) {
        self.interval = interval
        self.consecutiveFailures = consecutiveFailures
        self.disabled = disabled
    }
}

/// The polling policy: a pure function from (state, outcome, now, randomness) to the next poll. Placeholder.
public struct PollPolicy: Sendable {
    public let configuration: PollPolicyConfiguration
    public init(configuration: PollPolicyConfiguration) { self.configuration = configuration }

    public func initialState() -> PollState { PollState(interval: configuration.baseInterval) }

    /// The delay before the first poll of a source (spread so that sources never fire together).
    public func firstDelay(random: Double) -> TimeInterval { 0 }

    /// Decides when to poll next. `random` is uniform in 0..<1 (injected for tests).
    public func next(after outcome: PollOutcome, state: PollState, random: Double) -> (delay: TimeInterval?, state: PollState) {
        switch outcome {
        case .gone:
            var s = state
            s.disabled = true
            return (nil, s)
        case .failed(let retryAfter):
            var s = state
            s.consecutiveFailures += 1
            let backoff = min(configuration.maxBackoff, 30 * pow(2, Double(s.consecutiveFailures - 1)))
            return (max(backoff, retryAfter ?? 0), s)
        case .fetched(_, let hint):
            var s = state
            s.consecutiveFailures = 0
            return (max(s.interval, hint ?? 0), s)
        }
    }
}
