import Logging
import ServiceLifecycle
import UnixSignals

/// Answers SIGHUP, which would otherwise end the daemon on the spot (no `STOPPING=1`, the socket
/// file left behind): the configuration is read at start only, so it says how to apply a changed
/// file and keeps running.
struct HangUpNotice: Service {
    /// Made before the daemon says READY, so that no SIGHUP after READY finds the default action.
    let signals: UnixSignalsSequence
    let logger: Logger

    init(logger: Logger) async {
        signals = await UnixSignalsSequence(trapping: .sighup)
        self.logger = logger
    }

    func run() async throws {
        for await _ in signals.cancelOnGracefulShutdown() {
            logger.notice(
                """
                SIGHUP ignored: the configuration is read at start only; restart newswired to apply a changed \
                file (systemctl restart newswired)
                """)
        }
    }
}
