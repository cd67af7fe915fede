import CSystemd
import Glibc

/// Tells the service manager how the daemon is doing (`sd_notify`). A no-op outside systemd.
public struct SystemdNotifier: Sendable {
    public init() {}

    /// Start-up is complete: the socket listens and the state is open.
    public func ready(status: String) { send("READY=1\nSTATUS=\(status)") }
    /// What the daemon is doing, shown by `systemctl status`.
    public func status(_ text: String) { send("STATUS=\(text)") }
    /// The daemon is alive (when `WatchdogSec=` is set).
    public func watchdog() { send("WATCHDOG=1") }
    /// Shutdown has begun.
    public func stopping(status: String) { send("STOPPING=1\nSTATUS=\(status)") }

    /// Half the watchdog timeout, when the service manager expects keep-alive pings from this process.
    public var watchdogPingInterval: Duration? {
        var microseconds: UInt64 = 0
        guard sd_watchdog_enabled(0, &microseconds) > 0, microseconds > 0 else { return nil }
        return .microseconds(Int64(microseconds / 2))
    }

    private func send(_ state: String) {
        _ = sd_notify(0, state)
    }
}

/// Sockets passed by systemd socket activation (`LISTEN_FDS`).
public enum SocketActivation {
    /// The first passed socket if it is a listening Unix stream socket; nil when none was passed.
    public static func listeningUnixSocket() -> Int32? {
        let count = sd_listen_fds(1)
        guard count >= 1 else { return nil }
        let fd = SD_LISTEN_FDS_START
        guard sd_is_socket_unix(fd, Int32(SOCK_STREAM.rawValue), 1, nil, 0) > 0 else { return nil }
        return fd
    }
}
