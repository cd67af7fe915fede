public import Foundation

/// Decides without writing: reads the store as it will stand once every plan in flight is
/// committed (a read snapshot of what is committed, with `WritesInFlight` on top), and records its
/// own writes as a plan, with ids and sequence numbers chosen here, for `StoreTransaction.perform`
/// to make later on the writer's thread.
///
/// So the ingestor can decide a group of feeds while the previous group is still being written.
/// A plan must be committed in the order it was decided; when one fails, the ones decided after it
/// stood on it and must be dropped too (see `Ingestor`).
public final class PlanningTransaction: StoreAccess {
    /// The committed state, in a read transaction that lasts while this plan is decided.
    private let reader: StoreTransaction
    private let inFlight: WritesInFlight
    /// The number of this plan (increasing, unique while in flight).
    let plan: Int
    /// The writes decided so far, in order.
    public private(set) var writes: [PlannedWrite] = []

    public init(reader: StoreTransaction, inFlight: WritesInFlight, plan: Int) {
        self.reader = reader
        self.inFlight = inFlight
        self.plan = plan
        inFlight.begin(plan: plan)
    }

    // MARK: Articles

    public func article(forKeys keys: [String]) throws -> StoredArticle? {
        // A key stored already wins over one in flight, as the first INSERT OR IGNORE does.
        for key in keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            if let id = try reader.articleID(forKey: key) ?? inFlight.keys[InFlightKey(key)]?.value {
                return try article(id: id)
            }
        }
        return nil
    }

    public func articles(sharingHints hints: [String], limit: Int) throws -> [StoredArticle] {
        var ids = try reader.articleIDs(sharingHints: hints, limit: limit)
        for hint in hints { ids.formUnion(inFlight.hints[InFlightKey(hint)]?.map(\.value) ?? []) }
        return try ids.sorted(by: >).prefix(limit).compactMap { try article(id: $0) }
    }

    private func article(id: Int64) throws -> StoredArticle? {
        guard var article = try inFlight.articles[id]?.value ?? reader.article(id: id) else { return nil }
        article.storyID = article.storyID.map(inFlight.survivor(of:))
        return article
    }

    public func versions(of articleID: Int64) throws -> Set<String> {
        try reader.versions(of: articleID).union(inFlight.versions[articleID]?.map(\.value) ?? [])
    }

    public func nextArticleID() throws -> Int64 {
        if let next = inFlight.nextArticleID { return next }
        let next = try reader.nextArticleID()
        inFlight.nextArticleID = next
        return next
    }

    public func insertArticle(
        _ article: StoredArticle, keys: [String], joinScore: Double?, joinTerms: [String]?
    ) throws -> Int64 {
        var article = article
        article.id = try nextArticleID()
        inFlight.nextArticleID = article.id + 1
        writes.append(.insertArticle(article, keys: keys, joinScore: joinScore, joinTerms: joinTerms))
        inFlight.articles[article.id] = .init(value: article, plan: plan)
        noteKeys(keys, of: article.id)
        noteVersion(article.fingerprint, of: article.id)
        return article.id
    }

    public func addKeys(_ keys: [String], to articleID: Int64) throws {
        guard !keys.isEmpty else { return }
        writes.append(.addKeys(keys, articleID: articleID))
        noteKeys(keys, of: articleID)
    }

    public func addHints(_ hints: [String], to articleID: Int64) throws {
        guard !hints.isEmpty else { return }
        writes.append(.addHints(hints, articleID: articleID))
        for hint in hints { inFlight.hints[InFlightKey(hint), default: []].append(.init(value: articleID, plan: plan)) }
    }

    public func updateArticle(_ article: StoredArticle) throws {
        writes.append(.updateArticle(article))
        // The row keeps its other columns (story, first seen): take them from what is known of it.
        var current = try self.article(id: article.id) ?? article
        current.url = article.url
        current.title = article.title
        current.summary = article.summary
        current.authors = article.authors
        current.versionDate = article.versionDate
        current.fingerprint = article.fingerprint
        inFlight.articles[article.id] = .init(value: current, plan: plan)
        noteVersion(article.fingerprint, of: article.id)
    }

    private func noteKeys(_ keys: [String], of articleID: Int64) {
        for key in keys.map(InFlightKey.init) where inFlight.keys[key] == nil {
            inFlight.keys[key] = .init(value: articleID, plan: plan)
        }
    }

    private func noteVersion(_ fingerprint: String, of articleID: Int64) {
        inFlight.versions[articleID, default: []].append(.init(value: fingerprint, plan: plan))
    }

    // MARK: Stories

    public func story(id: Int64) throws -> StoredStory? {
        try inFlight.stories[id]?.value ?? reader.story(id: id)
    }

    public func saveStory(_ story: StoredStory) throws {
        writes.append(.saveStory(story))
        inFlight.stories[story.id] = .init(value: story, plan: plan)
    }

    public func mergeStory(_ absorbed: Int64, into survivor: Int64) throws {
        writes.append(.mergeStory(absorbed: absorbed, survivor: survivor))
        inFlight.merged[absorbed] = .init(value: survivor, plan: plan)
    }

    public func maxStoryID() throws -> Int64 {
        requireNothingElseInFlight()
        return try reader.maxStoryID()
    }

    public func forEachArticleOfStoriesActive(since: Date, _ body: (WindowArticle) throws -> Void) throws {
        requireNothingElseInFlight()
        try reader.forEachArticleOfStoriesActive(since: since, body)
    }

    /// The clustering window is rebuilt from committed rows only: the reader must be the whole store.
    private func requireNothingElseInFlight() {
        precondition(inFlight.plans == [plan], "the clustering window is rebuilt only with nothing in flight")
    }

    // MARK: Events and feeds

    @discardableResult
    public func appendEvent(type: String, time: Date, outlet: String?, makeLine: (Int64) -> String) throws
        -> StoredEvent
    {
        let seq = try (inFlight.lastSequence ?? reader.lastSequence()) + 1
        let line = makeLine(seq)
        inFlight.lastSequence = seq
        writes.append(.appendEvent(seq: seq, type: type, time: time, outlet: outlet, line: line))
        return StoredEvent(seq: seq, line: line)
    }

    public func saveFeedState(_ state: FeedState) throws {
        writes.append(.saveFeedState(state))
    }
}
