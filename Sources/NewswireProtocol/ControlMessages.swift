/// The first line the daemon sends on every connection.
public struct Hello: Sendable, Equatable, Codable {
    public var type = "hello"
    public var `protocol`: Int
    /// Identifies the state database: when it changes, sequence numbers started again.
    public var epoch: String
    /// The last sequence number stored when the connection was accepted.
    public var seq: Int64

    public init(protocol: Int = newswireProtocolVersion, epoch: String, seq: Int64) {
        self.protocol = `protocol`
        self.epoch = epoch
        self.seq = seq
    }
}

/// What a client may send as its first line: resume after `since`.
public struct ResumeRequest: Sendable, Equatable, Codable {
    public var since: Int64
    public init(since: Int64) { self.since = since }
}

/// A line the daemon sends when it ends a subscription or rejects a request.
public struct ControlNotice: Sendable, Equatable, Codable {
    /// `error` (the client sent something invalid) or `overflow` (it read too slowly).
    public var type: String
    public var message: String
    /// The last sequence number delivered to this client: resume from it.
    public var seq: Int64?

    public init(type: String, message: String, seq: Int64? = nil) {
        self.type = type
        self.message = message
        self.seq = seq
    }
}
