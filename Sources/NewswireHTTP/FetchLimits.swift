public import Foundation

/// Bounds on one transfer.
public struct FetchLimits: Sendable, Equatable {
    /// Seconds allowed to establish the connection (TCP and TLS).
    public var connectTimeout: TimeInterval = 10
    /// Seconds allowed for the whole transfer, redirects included; time spent queued behind the
    /// fetcher's concurrency limits does not count.
    public var totalTimeout: TimeInterval = 60
    /// Cap on the body as received on the wire.
    public var maxBodyBytes: Int = 10 << 20
    /// Cap on the body after decompression (a gzip bomb stops here).
    public var maxDecodedBytes: Int = 10 << 20
    /// Redirects followed at most; one more is `FetchError.tooManyRedirects`.
    public var maxRedirects: Int = 5
    /// A transfer slower than `lowSpeedLimit` bytes per second for `lowSpeedTime` seconds is
    /// abandoned as timed out (against slow-drip servers, before `totalTimeout`).
    public var lowSpeedLimit: Int = 1024
    /// Whole seconds; see `lowSpeedLimit`.
    public var lowSpeedTime: TimeInterval = 30
    /// The defaults above.
    public init() {}
}
