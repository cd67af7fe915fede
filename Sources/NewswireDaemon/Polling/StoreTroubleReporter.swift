import Logging
import Synchronization

/// Reports trouble with the state database once, not once per feed and per poll.
///
/// Every feed writes to the same database, so a full disk or a read-only state folder would
/// otherwise repeat one error for every feed at every poll. The first failure is logged as an
/// error with what to check; later ones (any feed, any operation) only at debug level until a
/// write succeeds again, which is logged once as a notice.
final class StoreTroubleReporter: Sendable {
    private let logger: Logger
    /// The failure being reported, nil while the database works.
    private let current = Mutex<String?>(nil)

    init(logger: Logger) { self.logger = logger }

    /// Whether a failure is being reported.
    var isFailing: Bool { current.withLock { $0 != nil } }

    /// `operation` ("store what the feed published", …) failed for `feed`.
    func failed(_ operation: String, feed: String, error: any Error) {
        let first = current.withLock { current -> Bool in
            defer { current = "\(error)" }
            return current == nil
        }
        let metadata: Logger.Metadata = ["feed": "\(feed)", "error": "\(error)"]
        if first {
            let advice =
                "check the state directory's free space and permissions (feeds keep being "
                + "polled and retried; this is reported once)"
            logger.error("cannot \(operation); \(advice)", metadata: metadata)
        } else {
            logger.debug("still cannot \(operation)", metadata: metadata)
        }
    }

    /// A write succeeded.
    func succeeded() {
        let previous = current.withLock { current -> String? in
            defer { current = nil }
            return current
        }
        if let previous {
            logger.notice("the state database works again", metadata: ["last_error": "\(previous)"])
        }
    }
}
