import Foundation

/// The health of every feed at a glance, for `systemctl status` (STATUS=).
actor FeedHealthBoard {
    private var failing: Set<URL> = []
    /// Feeds that answered 410 Gone: no longer polled, so not retried either.
    private var disabled: Set<URL> = []
    private var polled: Set<URL> = []
    private let feedCount: Int
    private let outletCount: Int
    private let onChange: @Sendable (String) -> Void

    init(feedCount: Int, outletCount: Int, onChange: @escaping @Sendable (String) -> Void) {
        self.feedCount = feedCount
        self.outletCount = outletCount
        self.onChange = onChange
    }

    func update(_ feed: URL, result: FeedPoller.Result) {
        guard !result.abandoned else { return }
        polled.insert(feed)
        failing.remove(feed)
        if result.succeeded {
            disabled.remove(feed)
        } else if result.nextDelay == nil {
            disabled.insert(feed)
        } else {
            failing.insert(feed)
        }
        onChange(summary)
    }

    /// One line: how many feeds are polled, healthy, failing and given up.
    var summary: String {
        let healthy = polled.count - failing.count - disabled.count
        var text =
            "polling \(feedCount) feed\(feedCount == 1 ? "" : "s") of \(outletCount) outlet"
            + "\(outletCount == 1 ? "" : "s"): \(healthy) ok"
        if !failing.isEmpty { text += ", \(failing.count) failing (retrying with backoff)" }
        if !disabled.isEmpty { text += ", \(disabled.count) gone (410, no longer polled)" }
        if polled.count < feedCount { text += ", \(feedCount - polled.count) not polled yet" }
        return text
    }
}
