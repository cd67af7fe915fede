import Logging
import Synchronization

/// Reports a feed read with damage (XML errors recovered from, an HTML page read as a feed…) once
/// when the damage appears, not at every poll.
///
/// A feed that is always broken the same way would otherwise log the same notice every few minutes
/// for as long as the daemon runs. The first damaged read is a notice with what was wrong; later
/// damaged reads of the same feed are debug lines; a clean read after damage is one notice.
final class FeedDamageReporter: Sendable {
    private let logger: Logger
    /// Feeds whose damage has been reported and not yet healed.
    private let damaged = Mutex<Set<String>>([])

    init(logger: Logger) { self.logger = logger }

    /// `feed` was read; `issues` are what its parser recovered from (empty: a clean read).
    func read(feed: String, issues: [String]) {
        let metadata: Logger.Metadata = ["feed": "\(feed)", "issues": "\(issues.prefix(3).joined(separator: "; "))"]
        if issues.isEmpty {
            let healed = damaged.withLock { $0.remove(feed) != nil }
            if healed { logger.notice("feed reads cleanly again", metadata: ["feed": "\(feed)"]) }
        } else if damaged.withLock({ $0.insert(feed).inserted }) {
            logger.notice("feed read with damage (reported once; its articles are still read)", metadata: metadata)
        } else {
            logger.debug("feed still read with damage", metadata: metadata)
        }
    }
}
