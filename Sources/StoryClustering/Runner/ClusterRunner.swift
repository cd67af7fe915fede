public import Foundation

/// Runs the clustering engine over a batch of articles, as the daemon would see them: in `published`
/// order (stable for equal times), expiring quiet stories as time advances. This is what
/// `newswire cluster FILE.jsonl` prints, and how clustering quality is measured.
public enum ClusterRunner {
    /// Clusters the articles of a JSON Lines document (see `JSONLinesArticles`) and returns each
    /// article's story, in processing order.
    public static func run(jsonLines: Data, configuration: StoryClusteringConfiguration = .init())
        throws -> [(id: String, story: StoryID)]
    {
        run(articles: try JSONLinesArticles.parse(jsonLines), configuration: configuration)
    }

    /// Clusters `articles` and returns each article's story, in processing order. An article's story is
    /// the one it ends in: if its story was later merged into another, the other one.
    public static func run(articles: [ClusterArticle], configuration: StoryClusteringConfiguration = .init())
        -> [(id: String, story: StoryID)]
    {
        let order = articles.indices.sorted {
            (articles[$0].published, $0) < (articles[$1].published, $1)
        }
        return run(articlesAsTheyArrive: order.map { articles[$0] }, configuration: configuration)
    }

    /// Clusters `articles` in the order given, as the daemon does with what its feeds bring (feed by
    /// feed, each feed's items in the feed's own order), and returns each article's story, in that order.
    public static func run(
        articlesAsTheyArrive articles: [ClusterArticle], configuration: StoryClusteringConfiguration = .init()
    ) -> [(id: String, story: StoryID)] {
        var clusterer = StoryClusterer(configuration: configuration)
        var merges = MergeLedger()
        var assigned: [(id: String, story: StoryID)] = []
        assigned.reserveCapacity(articles.count)
        for article in articles {
            clusterer.expire(now: article.published)
            let assignment = clusterer.assign(article)
            for absorbed in assignment.absorbedStories { merges.record(absorbed, into: assignment.story) }
            assigned.append((article.id, assignment.story))
        }
        return assigned.map { ($0.id, merges.survivor(of: $0.story)) }
    }
}

/// Which story each merged story ended in.
struct MergeLedger {
    private var parent: [StoryID: StoryID] = [:]

    mutating func record(_ absorbed: StoryID, into survivor: StoryID) {
        parent[absorbed] = survivor
    }

    mutating func survivor(of story: StoryID) -> StoryID {
        var root = story
        while let next = parent[root] { root = next }
        var current = story
        while let next = parent[current], next != root {
            parent[current] = root
            current = next
        }
        return root
    }
}
