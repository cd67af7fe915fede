public import Foundation

/// The polling policy of one source: a pure function from (state, outcome, randomness) to the next poll.
///
/// It reads no clock and draws no random numbers: the caller passes `random`, uniform in 0..<1, and measures
/// time itself. The rules:
/// - **Adaptation**: after a successful poll the interval lengthens gently (×`lengthenFactor`) when nothing
///   was new, stays when one item was, and shortens (÷`shortenFactor`) when two or more were, within
///   `minInterval...maxInterval`. A poll that ends a run of failures does not adapt, since it covers the outage
///   rather than one interval.
/// - **Server hints** (`<ttl>`, `max-age`, `Expires`, `Retry-After`) are lower bounds on the delay, each counted
///   for at most `maxServerHint` (24 h by default). `minInterval` is a lower bound too.
/// - **Jitter**: each delay is spread by ±`jitterFraction` around its target; a bound that applies pushes the
///   spread up from the bound, so it is never undercut. Delays stay below `maxInterval` (or `maxBackoff`)
///   unless a server hint asks for more.
/// - **Failures** back off exponentially, `failureBaseDelay × 2^(n-1)` with jitter, capped at `maxBackoff`,
///   forever: a source is never given up. The adapted interval is kept, so the first success resumes it.
/// - **410 Gone** disables the source: `next` returns no delay, now and for any later outcome, until the
///   daemon replaces the state with `initialState()`. It does so when the source is configured again (its
///   entry is changed or re-added and the configuration reloaded) or when an operator re-enables it.
public struct PollPolicy: Sendable {
    /// The bounds and factors this policy applies.
    public let configuration: PollPolicyConfiguration

    /// Creates a policy applying `configuration`.
    public init(configuration: PollPolicyConfiguration) { self.configuration = configuration }

    /// The state of a new (or re-enabled) source: the base interval, moved into the bounds if outside them.
    public func initialState() -> PollState {
        PollState(interval: configuration.baseInterval.clamped(to: configuration.intervalRange))
    }

    /// The delay before the first poll of a source: uniform over the start-up window (the shorter of
    /// `startupWindow` and the base interval), so hundreds of sources starting together do not fire together.
    /// `PollSpacing` then keeps the fire times apart. `random` is uniform in 0..<1.
    public func firstDelay(random: Double) -> TimeInterval {
        let window = max(0, min(configuration.startupWindow, initialState().interval))
        return min(max(random, 0), 1) * window
    }

    /// Decides when to poll next, given what the poll just finished produced.
    ///
    /// Returns the delay from now (`nil` when the source is disabled and must not be polled) and the new state
    /// to persist. `random` is uniform in 0..<1 (injected for tests).
    public func next(after outcome: PollOutcome, state: PollState,
                     random: Double) -> (delay: TimeInterval?, state: PollState) {
        guard !state.disabled else { return (nil, state) }
        var state = state
        state.interval = state.interval.clamped(to: configuration.intervalRange)
        switch outcome {
        case .gone:
            state.disabled = true
            return (nil, state)
        case .failed(let retryAfter):
            state.consecutiveFailures = state.consecutiveFailures == .max ? .max : state.consecutiveFailures + 1
            let backoff = FailureBackoff.delay(afterFailures: state.consecutiveFailures,
                                               base: configuration.failureBaseDelay, cap: configuration.maxBackoff)
            let delay = jittered(backoff, floor: cappedHint(retryAfter), cap: configuration.maxBackoff,
                                 random: random)
            return (delay, state)
        case .fetched(let newItems, let serverHint):
            if state.consecutiveFailures == 0 {
                state.interval = IntervalAdaptation.interval(after: newItems, from: state.interval,
                                                             configuration: configuration)
            }
            state.consecutiveFailures = 0
            let floor = max(configuration.intervalRange.lowerBound, cappedHint(serverHint))
            let delay = jittered(state.interval, floor: floor, cap: configuration.maxInterval, random: random)
            return (delay, state)
        }
    }

    /// A server hint as a lower bound: at least 0, at most `maxServerHint`.
    private func cappedHint(_ hint: TimeInterval?) -> TimeInterval {
        min(max(hint ?? 0, 0), max(0, configuration.maxServerHint))
    }

    /// `target` with jitter, at least `floor`, and at most `cap` unless the floor (with its upward jitter,
    /// itself limited by `maxServerHint`) asks for more.
    private func jittered(_ target: TimeInterval, floor: TimeInterval, cap: TimeInterval,
                          random: Double) -> TimeInterval {
        let fraction = configuration.effectiveJitterFraction
        let ceiling = max(cap, min(floor * (1 + fraction), configuration.maxServerHint))
        return BoundedJitter.delay(around: target, fraction: fraction, floor: floor, ceiling: ceiling,
                                  random: random)
    }
}
