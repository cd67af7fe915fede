import Foundation
import Logging
import NIOPosix
import NewswireHTTP
import NewswireStore
import PollScheduling
import ServiceLifecycle
import StoryClustering

/// The daemon's parts, wired together once the configuration and the state are known.
struct DaemonRuntime {
    let store: StateStore
    let hub: EventHub
    let ingestor: Ingestor
    let poller: PollerService
    let fetcher: HTTPFetcher
    let notifier: SystemdNotifier
    let health: FeedHealthBoard
    /// Gives memory back after start-up and after each burst of polls, and the clustering window
    /// after a quiet minute (`--once` uses only the first).
    let trimmer: IdleMemoryTrimmer
    let logger: Logger
    let feedCount: Int

    init(
        configuration: DaemonConfiguration, outlets: [PolledOutlet], store: StateStore, writer: JournalWriter,
        notifier: SystemdNotifier, logger: Logger
    ) throws(StoreError) {
        self.store = store
        self.notifier = notifier
        self.logger = logger
        hub = EventHub(head: try store.lastSequence(), queueLimit: configuration.subscriberQueue)
        let names = Dictionary(outlets.map { ($0.id, $0.adapter.outlet.name) }) { first, _ in first }
        let ingestor = Ingestor(
            store: store, hub: hub, journal: EventJournal(writer: writer, outletNames: names),
            clustering: StoryClusteringConfiguration(quietPeriod: configuration.storyQuietPeriod),
            logger: logger)
        self.ingestor = ingestor
        fetcher = HTTPFetcher(
            userAgent: Daemon.userAgent, maxConcurrentTransfers: configuration.http.maxConcurrent,
            maxTransfersPerHost: configuration.http.maxPerHost)
        var limits = FetchLimits()
        limits.connectTimeout = configuration.http.connectTimeout
        limits.totalTimeout = configuration.http.totalTimeout
        limits.maxBodyBytes = configuration.http.maxBodyBytes
        limits.maxDecodedBytes = configuration.http.maxBodyBytes
        limits.maxRedirects = configuration.http.maxRedirects
        var pollers: [FeedPoller] = []
        let storeTrouble = StoreTroubleReporter(logger: logger)
        let damage = FeedDamageReporter(logger: logger)
        for outlet in outlets {
            let policy = PollPolicy(
                configuration: PollPolicyConfiguration(
                    baseInterval: outlet.interval, minInterval: configuration.minInterval,
                    maxInterval: configuration.maxInterval, maxBackoff: configuration.maxBackoff,
                    failureBaseDelay: configuration.failureRetry))
            for feed in outlet.feeds {
                pollers.append(
                    FeedPoller(
                        outlet: outlet, feedURL: feed, fetcher: fetcher, ingestor: ingestor,
                        policy: policy, limits: limits, logger: logger, storeTrouble: storeTrouble, damage: damage))
            }
        }
        feedCount = pollers.count
        let trimmer = IdleMemoryTrimmer(logger: logger, release: { await ingestor.releaseIdleMemory() })
        self.trimmer = trimmer
        // Called once per finished poll: the trimmer waits for the polls to pause.
        health = FeedHealthBoard(feedCount: pollers.count, outletCount: outlets.count) { [notifier] status in
            notifier.status(status)
            trimmer.noteActivity()
        }
        // First polls are spread over a window that grows with the number of feeds: a few feeds
        // are read within seconds of start-up, hundreds within the configured window.
        let spreadPolicy = PollPolicy(
            configuration: PollPolicyConfiguration(
                baseInterval: configuration.interval,
                startupWindow: configuration.startupWindow ?? min(300, Double(pollers.count) * 2)))
        poller = PollerService(pollers: pollers, policy: spreadPolicy, health: health, logger: logger)
    }

    /// Listens on the socket, says READY, and runs until SIGTERM/SIGINT, or until one of
    /// `stateFiles` is deleted or replaced (`StateFilesGuard`).
    func serve(socketPath: String, stateFiles: [String]) async -> DaemonExit {
        // Trapped before the socket listens: a client may be told of the daemon as soon as it does.
        let hangUp = await HangUpNotice(logger: logger)
        let endpoint: EventSocketServer.Endpoint =
            SocketActivation.listeningUnixSocket()
            .map { .inherited(fd: $0, path: socketPath) } ?? .path(socketPath)
        let session = SubscriberSession(hub: hub, store: store, epoch: store.epoch, logger: logger)
        let server: EventSocketServer
        do {
            server = try await EventSocketServer.bind(
                endpoint, session: session,
                group: .singleton, logger: logger)
        } catch {
            logger.critical("cannot serve events, not starting: \(error)")
            return .unavailable
        }

        var services: [any Service] = [server, poller, trimmer, hangUp, StateFilesGuard(files: stateFiles)]
        if let interval = notifier.watchdogPingInterval {
            services.append(WatchdogService(notifier: notifier, interval: interval))
        }
        let serviceGroup = ServiceGroup(
            configuration: .init(
                services: services.map { .init(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        let activated = if case .inherited = endpoint { " (socket-activated)" } else { "" }
        logger.notice(
            "newswired started",
            metadata: [
                "socket": "\(socketPath)\(activated)", "state": "\(store.path)", "feeds": "\(feedCount)",
                "last_seq": "\(hub.head)",
            ])
        notifier.ready(status: "listening on \(socketPath); polling \(feedCount) feeds")
        // Start-up's pages (relocations, argument parsing, migrations) go before the first polls:
        // with many feeds, polls follow each other without the pause a trim waits for.
        trimmer.trimNow()
        do {
            try await withGracefulShutdownHandler {
                try await serviceGroup.run()
            } onGracefulShutdown: { [notifier, hub] in
                notifier.stopping(status: "stopping: finishing polls in progress")
                hub.finishAll()
            }
        } catch {
            logger.error("stopped on an error: \(error)")
            return .unavailable
        }
        logger.notice("newswired stopped")
        return .success
    }

    /// Stops the HTTP engine's thread (transfers still running fail as cancelled).
    func shutdown() async {
        await fetcher.shutdown()
    }
}
