/// What `newswired` was asked to do on its command line.
public struct DaemonOptions: Sendable {
    public var configPath: String?
    public var stateDirectory: String?
    public var socketPath: String?
    /// Poll every outlet once, store and emit the events, and exit.
    public var once: Bool

    public init(configPath: String? = nil, stateDirectory: String? = nil, socketPath: String? = nil, once: Bool = false)
    {
        self.configPath = configPath
        self.stateDirectory = stateDirectory
        self.socketPath = socketPath
        self.once = once
    }
}

/// How `newswired` ends, as an exit status (sysexits.h values where one fits).
public enum DaemonExit: Int32, Sendable {
    case success = 0
    /// `--once`: at least one feed could not be polled.
    case someFeedsFailed = 1
    /// The state directory or database cannot be used.
    case cannotCreateState = 73
    /// The configuration is unreadable or invalid.
    case badConfiguration = 78
    /// The event socket cannot be set up.
    case unavailable = 69
}
