public import Foundation

/// Where the daemon keeps its state and its socket, from flags, systemd's environment or XDG.
public struct DaemonPaths: Sendable, Equatable {
    public var stateDirectory: URL
    public var socketPath: String

    /// Resolves each path: the flag if given, else systemd's `STATE_DIRECTORY`/`RUNTIME_DIRECTORY`,
    /// else the user's XDG state and runtime folders (so no root is needed).
    public static func resolve(
        stateDirectory: String?, socket: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> DaemonPaths {
        let state = stateDirectory.map { URL(fileURLWithPath: $0) } ?? defaultStateDirectory(environment: environment)
        let socket = socket ?? defaultSocketPath(environment: environment)
        return DaemonPaths(stateDirectory: state, socketPath: socket)
    }

    /// `$STATE_DIRECTORY`, else `$XDG_STATE_HOME/newswire`, else `~/.local/state/newswire`.
    public static func defaultStateDirectory(environment: [String: String]) -> URL {
        if let systemd = firstPath(environment["STATE_DIRECTORY"]) { return URL(fileURLWithPath: systemd) }
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("newswire")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/newswire")
    }

    /// `$RUNTIME_DIRECTORY/events.sock`, else `$XDG_RUNTIME_DIR/newswire/events.sock`, else a
    /// private folder in the temporary directory.
    public static func defaultSocketPath(environment: [String: String]) -> String {
        if let systemd = firstPath(environment["RUNTIME_DIRECTORY"]) { return systemd + "/events.sock" }
        if let xdg = environment["XDG_RUNTIME_DIR"], xdg.hasPrefix("/") { return xdg + "/newswire/events.sock" }
        let temporary = environment["TMPDIR"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/tmp"
        return "\(temporary)/newswire-\(getuid())/events.sock"
    }

    /// Where a client looks for the daemon's socket: the user's runtime folder, else the system unit's.
    public static func clientSocketPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let user = defaultSocketPath(environment: environment)
        if FileManager.default.fileExists(atPath: user) { return user }
        let system = "/run/newswire/events.sock"
        return FileManager.default.fileExists(atPath: system) ? system : user
    }

    /// Where a client looks for the daemon's state: the user's state folder when it holds a
    /// database, else the system unit's (`StateDirectory=newswire`) when that one does.
    public static func clientStateDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        systemDirectory: String = "/var/lib/newswire"
    ) -> URL {
        let user = defaultStateDirectory(environment: environment)
        let database = "newswire.sqlite3"
        if FileManager.default.fileExists(atPath: user.appendingPathComponent(database).path) { return user }
        let system = URL(fileURLWithPath: systemDirectory)
        return FileManager.default.fileExists(atPath: system.appendingPathComponent(database).path) ? system : user
    }

    private static func firstPath(_ value: String?) -> String? {
        guard let first = value?.split(separator: ":").first, first.hasPrefix("/") else { return nil }
        return String(first)
    }
}
