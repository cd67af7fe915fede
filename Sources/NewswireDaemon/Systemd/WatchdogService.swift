import ServiceLifecycle

/// Pings the systemd watchdog at half its timeout while the daemon's tasks keep running.
struct WatchdogService: Service {
    let notifier: SystemdNotifier
    let interval: Duration

    func run() async throws {
        while !Task.isShuttingDownGracefully {
            notifier.watchdog()
            do {
                try await cancelWhenGracefulShutdown { [interval] in try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }
}
