/// What the plans decided but not yet committed will change in the store, as `PlanningTransaction`
/// reads it: the articles, keys, hints, versions and stories they write, and the next article id
/// and event sequence number.
///
/// Every entry carries the number of the plan that last wrote it; `forget(plan:)` drops the entries
/// of a plan once it is committed (the store then answers the same), and leaves those that a later
/// plan changed again. It is owned by one writer (the ingestor) and never shared.
public final class WritesInFlight {
    struct Tagged<Value> {
        var value: Value
        var plan: Int
    }

    var articles: [Int64: Tagged<StoredArticle>] = [:]
    var keys: [InFlightKey: Tagged<Int64>] = [:]
    var hints: [InFlightKey: [Tagged<Int64>]] = [:]
    var versions: [Int64: [Tagged<String>]] = [:]
    var stories: [Int64: Tagged<StoredStory>] = [:]
    /// Stories merged into another (absorbed → survivor).
    var merged: [Int64: Tagged<Int64>] = [:]
    /// The id the next article gets and the last event sequence number, once read from the store;
    /// counted here from then on, as the plans take them.
    var nextArticleID: Int64?
    var lastSequence: Int64?
    /// Plans decided and not yet forgotten.
    private(set) var plans: Set<Int> = []

    public init() {}

    /// Counts `plan` as in flight.
    func begin(plan: Int) {
        plans.insert(plan)
    }

    /// Drops what `plan` wrote, once it is committed.
    public func forget(plan: Int) {
        plans.remove(plan)
        guard !plans.isEmpty else {
            removeEntries()  // nothing else is in flight: the store answers everything (the counters stay)
            return
        }
        articles = articles.filter { $0.value.plan != plan }
        keys = keys.filter { $0.value.plan != plan }
        stories = stories.filter { $0.value.plan != plan }
        merged = merged.filter { $0.value.plan != plan }
        hints = hints.compactMapValues { entries in
            let kept = entries.filter { $0.plan != plan }
            return kept.isEmpty ? nil : kept
        }
        versions = versions.compactMapValues { entries in
            let kept = entries.filter { $0.plan != plan }
            return kept.isEmpty ? nil : kept
        }
    }

    /// Forgets everything, counters too (after a plan failed: the store is read again).
    public func reset() {
        plans.removeAll()
        removeEntries()
        nextArticleID = nil
        lastSequence = nil
    }

    private func removeEntries() {
        articles.removeAll()
        keys.removeAll()
        hints.removeAll()
        versions.removeAll()
        stories.removeAll()
        merged.removeAll()
    }

    /// The story a story id now stands for, following merges decided in flight.
    func survivor(of story: Int64) -> Int64 {
        var current = story
        var steps = 0
        while let next = merged[current]?.value, steps < 64 {
            current = next
            steps += 1
        }
        return current
    }
}
