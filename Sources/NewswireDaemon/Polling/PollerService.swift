import Foundation
import Logging
import PollScheduling
import ServiceLifecycle

/// Polls every feed on its own timer until shutdown.
///
/// First polls are spread by the policy so that many feeds never fire together; after that
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

    func run() async throws {
        await withDiscardingTaskGroup { group in
            for poller in pollers {
                group.addTask { await self.loop(poller) }
            }
        }
    }

    /// Polls every feed once, concurrently; true when every one was read.
    func pollAllOnce() async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            for poller in pollers {
                group.addTask {
                    let result = await poller.pollOnce(now: { Date() }, random: Double.random(in: 0..<1))
                    await self.health.update(poller.feedURL, result: result)
                    return result.succeeded
                }
            }
            return await group.reduce(true) { $0 && $1 }
        }
    }

    private func loop(_ poller: FeedPoller) async {
        var delay = policy.firstDelay(random: Double.random(in: 0..<1))
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { [delay] in try await Task.sleep(for: .seconds(delay)) }
            } catch {
                return
            }
            let result = await poller.pollOnce(now: { Date() }, random: Double.random(in: 0..<1))
            await health.update(poller.feedURL, result: result)
            guard let next = result.nextDelay else {
                logger.notice("feed no longer polled", metadata: ["feed": "\(poller.feedURL)"])
                return
            }
            delay = next
        }
    }
}
