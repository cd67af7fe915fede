import Foundation
import NewswireStore
import StoryClustering

/// The clustering state of the active window, restored from the store only when an article first
/// needs it.
///
/// Restoring means reading and re-tokenizing every article of the stories active in the last quiet
/// period: most of the cost of a start-up, and all of it for a poll where every feed answers 304.
/// The window restored at the first new article is the one a daemon started at that moment would
/// have, so deciding lazily is the same as starting later.
struct ClusteringWindow {
    let configuration: StoryClusteringConfiguration
    private var clusterer: StoryClusterer?

    init(configuration: StoryClusteringConfiguration) {
        self.configuration = configuration
    }

    /// Whether the window is in memory.
    var isLoaded: Bool { clusterer != nil }

    /// Articles of the active stories held in memory (0 when the window is not loaded).
    var articleCount: Int { clusterer?.statistics.activeArticles ?? 0 }

    /// Runs `body` on the clusterer, restoring it first (in `tx`, as the store stood at `now`).
    mutating func withClusterer<T>(
        tx: some StoreAccess, now: Date, _ body: (inout StoryClusterer) throws -> T
    ) throws -> T {
        if clusterer == nil { clusterer = try Self.restore(tx: tx, configuration: configuration, now: now) }
        return try body(&clusterer!)
    }

    /// Forgets the in-memory state (after a rolled-back transaction, or to give memory back when
    /// idle): it is restored from what is stored when next needed, so it never keeps articles that
    /// were not stored.
    mutating func discard() {
        clusterer = nil
    }

    /// The time clustering gives an article: its `published` date (the time of the story it tells,
    /// which a replayed or late feed may put well before now), or now when it has none, and never
    /// later than now. A date in the future would otherwise keep its story from ever going quiet,
    /// and make every other story look quiet.
    static func clusterTime(published: Date?, now: Date) -> Date {
        min(published ?? now, now)
    }

    /// Rebuilds the clustering state of the active window from the store, making no decision.
    private static func restore(
        tx: some StoreAccess, configuration: StoryClusteringConfiguration, now: Date
    ) throws -> StoryClusterer {
        var clusterer = StoryClusterer(configuration: configuration, firstStoryID: try tx.maxStoryID() + 1)
        try tx.forEachArticleOfStoriesActive(since: now.addingTimeInterval(-configuration.quietPeriod)) { article in
            clusterer.restore(
                ClusterArticle(
                    id: String(article.id), outlet: article.outlet, title: article.title, summary: article.summary,
                    published: clusterTime(published: article.published, now: now)), into: article.storyID)
        }
        return clusterer
    }
}
