import Foundation
import Logging
import NIOPosix
import NewswireHTTP
import NewswireStore
import PollScheduling
import ServiceLifecycle
import StoryClustering

/// `newswired`: sets everything up in order (configuration, state, socket), says READY, and
/// runs the services until SIGTERM. Anything wrong at start-up ends it before READY with a
/// non-zero status and one clear line.
public enum Daemon {
    /// The version string, also in the User-Agent.
    public static let version = "0.1.0"
    public static let userAgent = "Newswire/\(version) (+https://github.com/newswire/newswire)"

    /// Runs the daemon; returns its exit status.
    public static func run(_ options: DaemonOptions) async -> DaemonExit {
        MemoryTrim.configureAllocator()
        // A closed stderr pipe (`newswired 2>&1 | head -1`) must not end the daemon: its writes fail
        // with EPIPE instead, and the log line is dropped.
        signal(SIGPIPE, SIG_IGN)
        let writer = JournalWriter()
        let level =
            ProcessInfo.processInfo.environment["NEWSWIRE_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
        LoggingSystem.bootstrap { _ in DaemonLogHandler(writer: writer, logLevel: level) }
        let logger = Logger(label: "newswired")
        let notifier = SystemdNotifier()

        let configuration: DaemonConfiguration
        let outlets: [PolledOutlet]
        do {
            let file = options.configPath ?? "(built-in defaults)"
            configuration = try options.configPath.map(ConfigurationLoader.load(path:)) ?? DaemonConfiguration()
            outlets = try PolledOutlet.resolve(configuration, file: file)
        } catch {
            logger.critical("invalid configuration, not starting: \(error)")
            return .badConfiguration
        }

        let paths = DaemonPaths.resolve(stateDirectory: options.stateDirectory, socket: options.socketPath)
        let store: StateStore
        let lock: StateDirectoryLock
        do {
            try FileManager.default.createDirectory(at: paths.stateDirectory, withIntermediateDirectories: true)
            lock = try StateDirectoryLock.acquire(directory: paths.stateDirectory)
            store = try StateStore(directory: paths.stateDirectory)
        } catch let error as StateDirectoryLock.Failure {
            logger.critical("cannot hold the state, not starting: \(error)")
            return .cannotCreateState
        } catch let error as StoreError {
            logger.critical("cannot open the state, not starting: \(error)")
            return .cannotCreateState
        } catch {
            logger.critical(
                """
                cannot create the state directory \(paths.stateDirectory.path), not starting: \
                \(ConfigurationLoader.reason(error))
                """)
            return .cannotCreateState
        }

        let runtime: DaemonRuntime
        do {
            runtime = try DaemonRuntime(
                configuration: configuration, outlets: outlets, store: store,
                writer: writer, notifier: notifier, logger: logger)
        } catch {
            logger.critical("cannot read the state, not starting: \(error)")
            return .cannotCreateState
        }
        let exit: DaemonExit
        if options.once {
            logger.info(
                "polling every feed once",
                metadata: [
                    "feeds": "\(runtime.feedCount)",
                    "state": "\(store.path)",
                ])
            runtime.trimmer.trimNow()
            // Two more than the transfers keep the ingestor busy; each feed more in flight holds
            // about 0.6 MiB more at the peak (1,000 feeds: 16 at once peaked at 64.4-65.4 MiB,
            // 10 at 60.1-61.6 MiB, at the same speed).
            let atOnce = configuration.http.maxConcurrent + 2
            let failures = await runtime.poller.pollAllOnce(atOnce: atOnce)
            if !failures.isEmpty {
                // Said here too: a feed that was already failing gets no new source.failed event.
                let reasons = failures.map(\.error).joined(separator: "; ")
                logger.warning("\(failures.count) of \(runtime.feedCount) feeds could not be read: \(reasons)")
            }
            exit = failures.isEmpty ? .success : .someFeedsFailed
        } else {
            exit = await runtime.serve(socketPath: paths.socketPath, stateFiles: [store.path, lock.path])
        }
        await runtime.shutdown()
        withExtendedLifetime(lock) {}  // held until the last write is done
        return exit
    }
}
