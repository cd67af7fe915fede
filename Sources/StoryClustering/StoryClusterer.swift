public import Foundation

/// Identifies a story. Allocated by the clusterer, increasing, persisted by the daemon.
public typealias StoryID = Int64

/// What the clusterer needs to know of an article.
public struct ClusterArticle: Sendable, Equatable {
    public var id: String
    public var outlet: String
    public var title: String
    public var summary: String
    public var published: Date
    public init(id: String, outlet: String, title: String, summary: String, published: Date) {
        self.id = id
        self.outlet = outlet
        self.title = title
        self.summary = summary
        self.published = published
    }
}

/// Tunables of the clustering engine.
public struct StoryClusteringConfiguration: Sendable, Equatable {
    /// A story with no new article for this long is closed and forgotten.
    public var quietPeriod: TimeInterval
    public init(quietPeriod: TimeInterval = 48 * 3600) { self.quietPeriod = quietPeriod }
}

/// Why an article joined (or started) a story.
public struct JoinExplanation: Sendable, Equatable, Codable {
    public var score: Double
    public var sharedTerms: [String]
    public init(score: Double, sharedTerms: [String]) {
        self.score = score
        self.sharedTerms = sharedTerms
    }
}

/// The outcome of adding one article.
public struct StoryAssignment: Sendable, Equatable {
    public var story: StoryID
    public var isNewStory: Bool
    public var explanation: JoinExplanation
    public init(story: StoryID, isNewStory: Bool, explanation: JoinExplanation) {
        self.story = story
        self.isNewStory = isNewStory
        self.explanation = explanation
    }
}

/// What a subscriber is told about a story.
public struct StorySummary: Sendable, Equatable {
    public var id: StoryID
    /// The most central title of the coverage.
    public var headline: String
    public var outlets: [String]
    public var articleCount: Int
    /// Two or three key sentences drawn from the coverage.
    public var brief: [String]
    public init(id: StoryID, headline: String, outlets: [String], articleCount: Int, brief: [String]) {
        self.id = id
        self.headline = headline
        self.outlets = outlets
        self.articleCount = articleCount
        self.brief = brief
    }
}

/// Online, incremental story clustering. Placeholder: one story per article until implemented.
public struct StoryClusterer: Sendable {
    public let configuration: StoryClusteringConfiguration
    private var nextID: StoryID
    private var stories: [StoryID: [ClusterArticle]] = [:]

    /// - Parameter firstStoryID: the id the next new story gets (the daemon passes max stored + 1).
    public init(configuration: StoryClusteringConfiguration = .init(), firstStoryID: StoryID = 1) {
        self.configuration = configuration
        self.nextID = firstStoryID
    }

    /// Adds a new article: it joins the best-matching active story or starts one.
    public mutating func assign(_ article: ClusterArticle) -> StoryAssignment {
        let id = nextID
        nextID += 1
        stories[id] = [article]
        return StoryAssignment(story: id, isNewStory: true, explanation: JoinExplanation(score: 0, sharedTerms: []))
    }

    /// Puts back an article already stored in `story` (rebuilding state after a restart), with no decision made.
    public mutating func restore(_ article: ClusterArticle, into story: StoryID) {
        stories[story, default: []].append(article)
        nextID = max(nextID, story + 1)
    }

    /// Closes stories that have been quiet for longer than the quiet period before `now`.
    public mutating func expire(now: Date) {}

    /// The current summary of an active story.
    public func summary(of story: StoryID) -> StorySummary? {
        guard let articles = stories[story], let first = articles.first else { return nil }
        return StorySummary(id: story, headline: first.title, outlets: Array(Set(articles.map(\.outlet))).sorted(),
                            articleCount: articles.count, brief: [])
    }
}
