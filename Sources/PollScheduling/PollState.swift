public import Foundation

/// Per-source state of the policy. The daemon persists it (it is `Codable`) so that a restart keeps what the
/// policy learnt about each source.
public struct PollState: Sendable, Equatable, Codable {
    /// The adapted interval between successful polls, before jitter and server hints.
    public var interval: TimeInterval
    /// Failed polls since the last successful one; 0 when the source is healthy.
    public var consecutiveFailures: Int
    /// True once the feed answered 410 Gone: it is not polled again until it is re-enabled.
    public var disabled: Bool

    /// Creates a state; a new source starts healthy and enabled.
    public init(interval: TimeInterval, consecutiveFailures: Int = 0, disabled: Bool = false) {
        self.interval = interval
        self.consecutiveFailures = consecutiveFailures
        self.disabled = disabled
    }
}
