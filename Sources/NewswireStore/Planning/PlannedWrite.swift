public import Foundation

/// One write that a `PlanningTransaction` decided, to be made later by `StoreTransaction`, with
/// every id and sequence number already chosen.
public enum PlannedWrite: Sendable {
    case insertArticle(StoredArticle, keys: [String], joinScore: Double?, joinTerms: [String]?)
    case addKeys([String], articleID: Int64)
    case addHints([String], articleID: Int64)
    case updateArticle(StoredArticle)
    case saveStory(StoredStory)
    case mergeStory(absorbed: Int64, survivor: Int64)
    case appendEvent(seq: Int64, type: String, time: Date, outlet: String?, line: String)
    case saveFeedState(FeedState)
}

extension StoreTransaction {
    /// Makes the writes of a plan, in order.
    public func perform(_ writes: [PlannedWrite]) throws {
        for write in writes {
            switch write {
            case .insertArticle(let article, let keys, let joinScore, let joinTerms):
                try insertArticle(article, id: article.id, keys: keys, joinScore: joinScore, joinTerms: joinTerms)
            case .addKeys(let keys, let articleID):
                try addKeys(keys, to: articleID)
            case .addHints(let hints, let articleID):
                try addHints(hints, to: articleID)
            case .updateArticle(let article):
                try updateArticle(article)
            case .saveStory(let story):
                try saveStory(story)
            case .mergeStory(let absorbed, let survivor):
                try mergeStory(absorbed, into: survivor)
            case .appendEvent(let seq, let type, let time, let outlet, let line):
                try appendEvent(seq: seq, type: type, time: time, outlet: outlet, line: line)
            case .saveFeedState(let state):
                try saveFeedState(state)
            }
        }
    }
}
