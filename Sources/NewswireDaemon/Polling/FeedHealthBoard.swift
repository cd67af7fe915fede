import Foundation

/// The health of every feed at a glance, for `systemctl status` (STATUS=).
actor FeedHealthBoard {
    private var failing: Set<URL> = []
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
        polled.insert(feed)
        if result.succeeded { failing.remove(feed) } else { failing.insert(feed) }
        onChange(summary)
    }

    /// One line: how many feeds are polled, healthy and failing.
    var summary: String {
        let healthy = polled.count - failing.count
        var text =
            "polling \(feedCount) feed\(feedCount == 1 ? "" : "s") of \(outletCount) outlet"
            + "\(outletCount == 1 ? "" : "s"): \(healthy) ok"
        if !failing.isEmpty { text += ", \(failing.count) failing (retrying with backoff)" }
        if polled.count < feedCount { text += ", \(feedCount - polled.count) not polled yet" }
        return text
    }
}
