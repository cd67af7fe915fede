import ArgumentParser
import Foundation
import NewswireDaemon

/// The `newswired` command line.
@main
struct Newswired: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newswired",
        abstract: "Polls news outlets and emits deduplicated story events on a Unix socket and the journal.",
        discussion: """
            Without --config the built-in outlets are polled with their default feeds. State lives in \
            $STATE_DIRECTORY (systemd) or $XDG_STATE_HOME/newswire; the socket in $RUNTIME_DIRECTORY \
            (systemd) or $XDG_RUNTIME_DIR/newswire/events.sock.
            """,
        version: Daemon.version)

    @Option(name: .long, help: ArgumentHelp("Configuration file (TOML).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Folder for the state database.", valueName: "dir"))
    var stateDirectory: String?

    @Option(name: .long, help: ArgumentHelp("Path of the event socket.", valueName: "path"))
    var socket: String?

    @Flag(name: .long, help: "Poll every configured outlet once, store and emit the events, and exit.")
    var once = false

    func run() async throws {
        let exit = await Daemon.run(
            DaemonOptions(
                configPath: config, stateDirectory: stateDirectory,
                socketPath: socket, once: once))
        if exit != .success { throw ExitCode(exit.rawValue) }
    }
}
