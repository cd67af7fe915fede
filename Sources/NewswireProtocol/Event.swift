public import Foundation

/// The protocol version announced in `hello`. Bumped on any incompatible change.
public let newswireProtocolVersion = 1

/// One event as it travels on the socket: a JSON object on one line.
///
/// Every event has `seq` (strictly increasing, never reused within one `epoch`), `type` and
/// `time` (RFC 3339, UTC). Article events carry `article` and `story`; story events carry
/// `story`; source-health events carry `source`.
public struct Event: Sendable, Equatable, Codable {
    public var seq: Int64
    public var type: EventType
    public var time: Date
    public var article: ArticlePayload?
    public var story: StoryPayload?
    public var source: SourcePayload?
    /// For `article.updated`: which fields changed (`title`, `summary`, `url`).
    public var changes: [String]?

    public init(
        seq: Int64, type: EventType, time: Date, article: ArticlePayload? = nil, story: StoryPayload? = nil,
        source: SourcePayload? = nil, changes: [String]? = nil
    ) {
        self.seq = seq
        self.type = type
        self.time = time
        self.article = article
        self.story = story
        self.source = source
        self.changes = changes
    }

    /// The outlet the event is about, if any.
    public var outlet: String? { article?.outlet ?? source?.outlet ?? story?.outlets?.first }
}

/// The article of an article event.
public struct ArticlePayload: Sendable, Equatable, Codable {
    public var id: Int64
    public var outlet: String
    public var title: String
    public var url: String
    public var published: Date?
    public var summary: String
    public var authors: [String]?

    public init(
        id: Int64, outlet: String, title: String, url: String, published: Date?, summary: String,
        authors: [String]? = nil
    ) {
        self.id = id
        self.outlet = outlet
        self.title = title
        self.url = url
        self.published = published
        self.summary = summary
        self.authors = authors
    }
}

/// The story an event belongs to (in article events: at least `id` and `title`).
public struct StoryPayload: Sendable, Equatable, Codable {
    public var id: Int64
    /// The story's headline: the most central title of its coverage.
    public var title: String
    public var outlets: [String]?
    public var articles: Int?
    /// Two or three key sentences drawn from the coverage.
    public var brief: [String]?
    /// Stories found to be this same event and merged into it (their ids are closed).
    public var merged: [Int64]?

    public init(
        id: Int64, title: String, outlets: [String]? = nil, articles: Int? = nil, brief: [String]? = nil,
        merged: [Int64]? = nil
    ) {
        self.id = id
        self.title = title
        self.outlets = outlets
        self.articles = articles
        self.brief = brief
        self.merged = merged
    }
}

/// The feed of a source-health event.
public struct SourcePayload: Sendable, Equatable, Codable {
    public var outlet: String
    public var feed: String
    /// What went wrong (failed/disabled), absent on recovery.
    public var error: String?
    /// Seconds until the next attempt, when one is planned.
    public var retryIn: Int?

    public init(outlet: String, feed: String, error: String? = nil, retryIn: Int? = nil) {
        self.outlet = outlet
        self.feed = feed
        self.error = error
        self.retryIn = retryIn
    }
}
