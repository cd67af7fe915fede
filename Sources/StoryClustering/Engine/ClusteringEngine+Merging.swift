/// Merging two stories that turn out to be one event.
///
/// In an interleaved stream, early articles of one event can start two stories before either has a
/// clear centroid. When a new article matches two stories well enough to join either, and their
/// centroids are themselves similar, the smaller story is folded into the larger one; a story of
/// one article is folded in as soon as it would join the grown story on its own.
extension ClusteringEngine {
    /// Merges the story in `joined` with the most similar story of `bridged` if their centroids are
    /// similar enough; returns the slot that survives and the id that was absorbed.
    mutating func mergeIfBridged(_ joined: Int32, with bridged: [Int32]) -> (survivor: Int32, absorbed: StoryID)? {
        guard let threshold = configuration.mergeThreshold, slots[joined].articleCount >= 2 else { return nil }
        var best: (slot: Int32, similarity: Float)?
        for other in bridged {
            // A lone article is judged as if it arrived now: it moves when it would join the grown story
            // (its first article may have come before the story had any shape, as a cold start does).
            let needed =
                slots[other].articleCount == 1
                ? configuration.joinThreshold(windowArticles: documents - 1) : threshold
            let similarity = centroidSimilarity(joined, other)
            if similarity >= Float(needed) && similarity > (best?.similarity ?? -1) { best = (other, similarity) }
        }
        guard let partner = best?.slot else { return nil }
        let (larger, smaller) = isLarger(joined, than: partner) ? (joined, partner) : (partner, joined)
        let absorbed = slots[smaller].id
        absorb(smaller, into: larger)
        return (larger, absorbed)
    }

    /// The cosine between the centroids of two stories.
    func centroidSimilarity(_ first: Int32, _ second: Int32) -> Float {
        let a = slots[first], b = slots[second]
        let firstNorm = slots[vitals: first].squaredNorm, secondNorm = slots[vitals: second].squaredNorm
        guard firstNorm > 0, secondNorm > 0 else { return 0 }
        let (small, large) = a.terms.count <= b.terms.count ? (a, b) : (b, a)
        var dot: Float = 0
        small.terms.forEach { term, entry in
            guard let other = large.terms[term] else { return }
            dot += entry.mass * other.mass
        }
        return dot / (firstNorm * secondNorm).squareRoot()
    }

    /// More articles wins; on a tie, the older story (smaller id) is kept.
    private func isLarger(_ first: Int32, than second: Int32) -> Bool {
        let a = slots[first], b = slots[second]
        return a.articleCount != b.articleCount ? a.articleCount > b.articleCount : a.id < b.id
    }

    /// Moves everything of the story in `source` into the story in `target` and frees `source`.
    private mutating func absorb(_ source: Int32, into target: Int32) {
        let (absorbed, absorbedVitals) = slots.remove(slot: source)
        removePostings(of: absorbed)
        absorbed.terms.forEach { term, entry in
            let newPosting = Int32(table.postingCount(of: term))
            if let previous = slots[target].accumulate(
                term, mass: entry.mass, articles: entry.articles,
                postingIfNew: newPosting)
            {
                index.add(entry.mass, at: previous.posting, of: term, in: &table)
            } else {
                _ = index.append(Posting(slot: target, mass: entry.mass), to: term, in: &table)
            }
        }
        slots[target].articleCount += absorbed.articleCount
        slots[vitals: target].lastActivity = max(slots[vitals: target].lastActivity, absorbedVitals.lastActivity)
        for outlet in absorbed.outlets { slots[target].count(outlet: outlet.name, articles: outlet.articles) }
        let exemplars = (slots[target].exemplars + absorbed.exemplars).sorted { $0.centrality > $1.centrality }
        slots[target].exemplars = Array(exemplars.prefix(Self.exemplarLimit))
        refreshNorm(of: target)
    }
}
