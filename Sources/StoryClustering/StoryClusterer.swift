public import Foundation

// The public types the daemon codes against live in `Model/`: `StoryID`, `ClusterArticle`,
// `StoryClusteringConfiguration`, `JoinExplanation`, `StoryAssignment`, `StorySummary`.

/// Online, incremental story clustering: each new article joins the best-matching active story or
/// starts one; stories close after a quiet period, so memory follows that window, not the history.
///
/// Decisions are deterministic functions of the articles given, in order, and of their `published`
/// times; nothing reads the wall clock. See `ClusteringEngine` for the similarity used.
public struct StoryClusterer: Sendable {
    public var configuration: StoryClusteringConfiguration { engine.configuration }
    private var engine: ClusteringEngine

    /// - Parameter firstStoryID: the id the next new story gets (the daemon passes max stored + 1).
    public init(configuration: StoryClusteringConfiguration = .init(), firstStoryID: StoryID = 1) {
        engine = ClusteringEngine(configuration: configuration, firstStoryID: firstStoryID)
    }

    /// Adds a new article: it joins the best-matching active story or starts one. When the article shows
    /// two stories to be one event, they are merged and `absorbedStories` says which id was folded in.
    public mutating func assign(_ article: ClusterArticle) -> StoryAssignment {
        engine.assign(article)
    }

    /// Puts back an article already stored in `story` (rebuilding state after a restart), with no decision made.
    public mutating func restore(_ article: ClusterArticle, into story: StoryID) {
        engine.restore(article, into: story)
    }

    /// Closes stories that have been quiet for longer than the quiet period before `now`.
    public mutating func expire(now: Date) {
        engine.expire(now: now)
    }

    /// The current summary of an active story: its most central title, outlets, size and brief.
    public func summary(of story: StoryID) -> StorySummary? {
        engine.summary(of: story)
    }

    /// What is cheap to know of an active story: its size and outlets. `summary(of:)` also picks
    /// the headline and the brief, which costs a pass over the story's exemplars.
    public func outline(of story: StoryID) -> (articleCount: Int, outlets: [String])? {
        engine.outline(of: story)
    }

    /// The size of the active window.
    public var statistics: StoryClusteringStatistics { engine.statistics }
}
