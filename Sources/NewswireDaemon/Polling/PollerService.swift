import Foundation
import Logging
import PollScheduling
import ServiceLifecycle

/// Polls every feed on its own timer until shutdown.
///
/// First polls are spread over the start-up window and kept apart, so that many feeds never
/// fire together; after that
/// each feed waits as long as the policy says (adaptive interval, server hints, backoff).
final class PollerService: Service {
    private let pollers: [FeedPoller]
    private let policy: PollPolicy
    private let health: FeedHealthBoard
    private let logger: Logger

    init(pollers: [FeedPoller], policy: PollPolicy, health: FeedHealthBoard, logger: Logger) {
        self.pollers = pollers
        self.policy = policy
        self.health = health
        self.logger = logger
    }

    /// Fire times apart by this much, even when policies ask for the same instant.
    static let separation: TimeInterval = 0.2

    func run() async throws {
        let desired = pollers.map { _ in policy.firstDelay(random: Double.random(in: 0..<1)) }
        let firstDelays = PollSpacing.schedule(desired, separation: Self.separation)
        // A graceful shutdown cancels the feeds' loops: sleeping ones end at once, polling ones
        // after their poll (see `loop`). One handler for all feeds, not one per sleep.
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                for (poller, delay) in zip(self.pollers, firstDelays) {
                    group.addTask { await self.loop(poller, firstDelay: delay) }
                }
            }
        }
    }

    /// Polls every feed once, `atOnce` at a time; returns those that could not be read, with why.
    ///
    /// Bounded so that feeds fetched and parsed faster than they are stored do not pile up in
    /// memory waiting for the ingestor: a few more than the transfers the fetcher runs at once
    /// keep it busy.
    func pollAllOnce(atOnce: Int) async -> [(feed: URL, error: String)] {
        await withTaskGroup(of: (feed: URL, error: String)?.self) { group in
            var pending = pollers.makeIterator()
            func startNext() -> Bool {
                guard let poller = pending.next() else { return false }
                group.addTask {
                    let result = await poller.pollOnce(
                        now: { Date() }, random: Double.random(in: 0..<1), retries: false)
                    await self.health.update(poller.feedURL, result: result)
                    return result.succeeded ? nil : (poller.feedURL, result.error ?? "not read")
                }
                return true
            }
            for _ in 0..<max(1, atOnce) where !startNext() { break }
            var failures: [(feed: URL, error: String)] = []
            for await failure in group {
                if let failure { failures.append(failure) }
                _ = startNext()
            }
            return failures
        }
    }

    /// One feed's timer, from its first poll until shutdown (cancellation) or until it is disabled.
    ///
    /// Each poll runs in a task of its own: a task keeps the memory its deepest await chain needed
    /// until it ends, and a poll's (fetch, parse, ingest) is deep, so a loop living as long as the
    /// daemon would hold it through every idle hour, for every feed. A shutdown cancels it: a
    /// transfer under way is abandoned (a stalled feed must not hold `systemctl stop` for its whole
    /// timeout) and nothing is recorded for it; a poll past its transfer finishes and is stored.
    private func loop(_ poller: FeedPoller, firstDelay: TimeInterval) async {
        var delay = firstDelay
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: .seconds(delay))
            } catch {
                return
            }
            let poll = Task {
                await poller.pollOnce(now: { Date() }, random: Double.random(in: 0..<1), retries: true)
            }
            let result = await withTaskCancellationHandler {
                await poll.value
            } onCancel: {
                poll.cancel()
            }
            if result.abandoned { return }
            await health.update(poller.feedURL, result: result)
            guard let next = result.nextDelay else {
                logger.notice("feed no longer polled", metadata: ["feed": "\(poller.feedURL)"])
                return
            }
            delay = next
        }
    }
}
