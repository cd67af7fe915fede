public import Foundation

/// An article as stored: its current version and the story it belongs to.
public struct StoredArticle: Sendable, Equatable {
    public var id: Int64
    public var outlet: String
    public var url: String
    public var canonicalURL: String
    public var guid: String?
    public var title: String
    public var summary: String
    public var authors: [String]
    public var published: Date?
    public var versionDate: Date?
    public var fingerprint: String
    public var firstSeen: Date
    public var storyID: Int64?

    public init(
        id: Int64 = 0, outlet: String, url: String, canonicalURL: String, guid: String?, title: String,
        summary: String, authors: [String], published: Date?, versionDate: Date?, fingerprint: String,
        firstSeen: Date, storyID: Int64?
    ) {
        self.id = id
        self.outlet = outlet
        self.url = url
        self.canonicalURL = canonicalURL
        self.guid = guid
        self.title = title
        self.summary = summary
        self.authors = authors
        self.published = published
        self.versionDate = versionDate
        self.fingerprint = fingerprint
        self.firstSeen = firstSeen
        self.storyID = storyID
    }
}

/// A story as stored: what its last event said of it.
public struct StoredStory: Sendable, Equatable {
    public var id: Int64
    public var headline: String
    public var outlets: [String]
    public var articleCount: Int
    public var brief: [String]
    public var created: Date
    public var lastActivity: Date

    public init(
        id: Int64, headline: String, outlets: [String], articleCount: Int, brief: [String], created: Date,
        lastActivity: Date
    ) {
        self.id = id
        self.headline = headline
        self.outlets = outlets
        self.articleCount = articleCount
        self.brief = brief
        self.created = created
        self.lastActivity = lastActivity
    }
}

/// Why an article joined its story, as recorded at the time.
public struct StoredJoin: Sendable, Equatable {
    public var articleID: Int64
    public var title: String
    public var outlet: String
    public var score: Double?
    public var terms: [String]
    public init(articleID: Int64, title: String, outlet: String, score: Double?, terms: [String]) {
        self.articleID = articleID
        self.title = title
        self.outlet = outlet
        self.score = score
        self.terms = terms
    }
}

/// What the daemon remembers of one feed between polls and across restarts.
public struct FeedState: Sendable, Equatable {
    public var url: String
    public var outlet: String
    public var etag: String?
    public var lastModified: String?
    /// The polling policy's own state, as JSON.
    public var pollState: String?
    /// True while the feed is in a run of failures (a `source.failed` was emitted).
    public var failing: Bool
    /// True after 410 Gone: not polled until the configuration is changed.
    public var disabled: Bool
    public var lastError: String?
    public var lastAttempt: Date?
    public var lastSuccess: Date?
    /// Where permanent redirects lead, and on how many polls in a row they did.
    public var movedTo: String?
    public var movedCount: Int

    public init(
        url: String, outlet: String, etag: String? = nil, lastModified: String? = nil, pollState: String? = nil,
        failing: Bool = false, disabled: Bool = false, lastError: String? = nil, lastAttempt: Date? = nil,
        lastSuccess: Date? = nil, movedTo: String? = nil, movedCount: Int = 0
    ) {
        self.url = url
        self.outlet = outlet
        self.etag = etag
        self.lastModified = lastModified
        self.pollState = pollState
        self.failing = failing
        self.disabled = disabled
        self.lastError = lastError
        self.lastAttempt = lastAttempt
        self.lastSuccess = lastSuccess
        self.movedTo = movedTo
        self.movedCount = movedCount
    }
}
