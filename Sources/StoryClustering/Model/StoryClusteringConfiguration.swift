public import Foundation

/// Tunables of the clustering engine. The defaults are the daemon's settings; they were chosen on one
/// half of the labelled development set and checked on the other (see `bench/clustering/README.md`).
public struct StoryClusteringConfiguration: Sendable, Equatable {
    /// A story with no new article for this long is closed and forgotten.
    public var quietPeriod: TimeInterval
    /// The similarity (cosine between the article and the story's centroid, 0…1) an article needs to
    /// join a story; below it, the article starts a story of its own.
    public var joinThreshold: Double
    /// The similarity between two stories' centroids above which an article that matches both merges
    /// them; `nil` never merges.
    public var mergeThreshold: Double?
    /// A story's attraction halves for every `recencyHalfLife` it has been quiet (measured on the
    /// articles' `published` times); `nil` ignores time apart from `quietPeriod`.
    public var recencyHalfLife: TimeInterval?
    /// Extra weight for words the stream writes as names (capitalised inside sentences); 0 disables it.
    public var nameBoost: Double
    /// While the window holds fewer articles than this, the join threshold is lowered (down to
    /// `coldStartFactor` of itself when empty): the stream's own document frequencies cannot yet tell
    /// common words from telling ones, so every similarity comes out lower than it will later.
    public var warmUpArticles: Int = 20
    /// The share of `joinThreshold` required in an empty window; it rises linearly to 1 over
    /// `warmUpArticles`. (0.6 lets the seed case's most differently worded pair, cosine 0.10 on a cold
    /// start, join at the threshold of 0.14.)
    public var coldStartFactor: Double = 0.6

    /// The join threshold in force when `articles` articles are in the window (see `warmUpArticles`).
    public func joinThreshold(windowArticles articles: Int) -> Double {
        guard warmUpArticles > 0, articles < warmUpArticles else { return joinThreshold }
        let warmth = Double(articles) / Double(warmUpArticles)
        return joinThreshold * (coldStartFactor + (1 - coldStartFactor) * warmth)
    }

    /// The daemon's settings by default; see each property.
    public init(quietPeriod: TimeInterval = 48 * 3600, joinThreshold: Double = 0.14, mergeThreshold: Double? = 0.2,
                recencyHalfLife: TimeInterval? = 48 * 3600, nameBoost: Double = 0.5) {
        self.quietPeriod = quietPeriod
        self.joinThreshold = joinThreshold
        self.mergeThreshold = mergeThreshold
        self.recencyHalfLife = recencyHalfLife
        self.nameBoost = nameBoost
    }
}
