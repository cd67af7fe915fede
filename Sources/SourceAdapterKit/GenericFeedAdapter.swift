public import Foundation

/// The adapter for an outlet declared in configuration with no code: metadata and feeds only.
public struct GenericFeedAdapter: SourceAdapter {
    public let outlet: OutletInfo
    public let defaultFeeds: [URL]

    public init(outlet: OutletInfo, feeds: [URL]) {
        self.outlet = outlet
        self.defaultFeeds = feeds
    }
}
