public import Foundation

/// The reads and writes that ingesting a feed makes of the store, in one transaction.
///
/// Two kinds of transaction provide them: `StoreTransaction` reads and writes the database itself;
/// `PlanningTransaction` reads the store as it will be once every write decided before is stored,
/// and records its own writes to be made later, on the writer's thread. The code that decides what
/// a feed's articles do is written once against this protocol and runs on either.
public protocol StoreAccess {
    // MARK: Articles

    /// The article known under any of `keys`, if any (under two, the one of the key first in byte order).
    func article(forKeys keys: [String]) throws -> StoredArticle?
    /// The most recent articles sharing any of `hints` (candidates for a near-duplicate check).
    func articles(sharingHints hints: [String], limit: Int) throws -> [StoredArticle]
    /// Fingerprints of every version stored for an article.
    func versions(of articleID: Int64) throws -> Set<String>
    /// The id the next inserted article gets.
    func nextArticleID() throws -> Int64
    /// Inserts a new article, under the id `nextArticleID()` gives, with its keys and first version
    /// and, when it is known already, why it joined its story; returns its id.
    func insertArticle(
        _ article: StoredArticle, keys: [String], joinScore: Double?, joinTerms: [String]?
    ) throws -> Int64
    /// Records more keys for an article (keys already taken are left to their article).
    func addKeys(_ keys: [String], to articleID: Int64) throws
    /// Records near-duplicate lookup hints for an article.
    func addHints(_ hints: [String], to articleID: Int64) throws
    /// Makes `article` (same id) the current version.
    func updateArticle(_ article: StoredArticle) throws

    // MARK: Stories

    /// The story with this id.
    func story(id: Int64) throws -> StoredStory?
    /// Inserts or replaces a story.
    func saveStory(_ story: StoredStory) throws
    /// Moves every article of `absorbed` into `survivor` and marks `absorbed` as merged.
    func mergeStory(_ absorbed: Int64, into survivor: Int64) throws
    /// The largest story id ever stored (0 when none).
    func maxStoryID() throws -> Int64
    /// Calls `body` with each article of the stories active since `since`, in the order they were
    /// stored (to rebuild clustering).
    func forEachArticleOfStoriesActive(since: Date, _ body: (WindowArticle) throws -> Void) throws

    // MARK: Events and feeds

    /// Appends an event; `makeLine` receives its sequence number and returns the wire line.
    @discardableResult
    func appendEvent(type: String, time: Date, outlet: String?, makeLine: (Int64) -> String) throws -> StoredEvent
    /// Stores what is remembered of a feed.
    func saveFeedState(_ state: FeedState) throws
}
