public import Foundation
public import SourceAdapterKit

/// One outlet as the daemon polls it: its adapter, the feeds to poll and their interval.
public struct PolledOutlet: Sendable {
    public var adapter: any SourceAdapter
    public var feeds: [URL]
    public var interval: TimeInterval

    public var id: String { adapter.outlet.id }

    /// The outlets a configuration asks for: every built-in one when it names none, else
    /// exactly those it names (built-in by id, others through the generic feed adapter).
    public static func resolve(_ configuration: DaemonConfiguration, file: String)
        throws(ConfigurationError) -> [PolledOutlet]
    {
        guard let outlets = configuration.outlets else {
            return BuiltinAdapters.all.map {
                PolledOutlet(adapter: $0, feeds: $0.defaultFeeds, interval: configuration.interval)
            }
        }
        let resolved = try outlets.map { entry throws(ConfigurationError) -> PolledOutlet in
            let interval = entry.interval ?? configuration.interval
            if let builtin = BuiltinAdapters.adapter(for: entry.id) {
                return PolledOutlet(adapter: builtin, feeds: entry.feeds ?? builtin.defaultFeeds, interval: interval)
            }
            guard let name = entry.name else {
                throw ConfigurationError(
                    file: file, key: "outlets.\(entry.id).name",
                    message: "'\(entry.id)' is not a built-in outlet "
                        + "(built in: \(BuiltinAdapters.all.map(\.outlet.id).joined(separator: ", "))); "
                        + "an outlet of your own needs a name and feeds")
            }
            guard let feeds = entry.feeds else {
                throw ConfigurationError(
                    file: file, key: "outlets.\(entry.id).feeds",
                    message: "an outlet that is not built in needs feeds = [\"https://…\"]")
            }
            let homepage = entry.homepage ?? URL(string: "\(feeds[0].scheme ?? "https")://\(feeds[0].host ?? "")/")!
            let info = OutletInfo(
                id: entry.id, name: name, description: entry.description ?? "",
                language: entry.language ?? "", country: entry.country ?? "", homepage: homepage)
            return PolledOutlet(
                adapter: GenericFeedAdapter(outlet: info, feeds: feeds), feeds: feeds,
                interval: interval)
        }
        try rejectRepeatedFeeds(resolved, file: file)
        return resolved
    }

    /// A feed is polled for one outlet, once: listed twice, it would be fetched twice per round
    /// and its articles would all go to whichever outlet stored them first.
    private static func rejectRepeatedFeeds(_ outlets: [PolledOutlet], file: String) throws(ConfigurationError) {
        var firstListed: [String: String] = [:]
        for outlet in outlets {
            for (index, feed) in outlet.feeds.enumerated() {
                let key = "outlets.\(outlet.id).feeds[\(index)]"
                if let earlier = firstListed[feed.absoluteString] {
                    throw ConfigurationError(
                        file: file, key: key,
                        message: "'\(feed.absoluteString)' is already listed as \(earlier): list a feed once, "
                            + "under one outlet")
                }
                firstListed[feed.absoluteString] = key
            }
        }
    }
}
