import Foundation

/// Closing quiet stories, which bounds memory by the window rather than by history.
extension ClusteringEngine {
    /// Closes every story whose latest article is older than `now` minus the quiet period.
    mutating func expire(now: Date) {
        let cutoff = now.timeIntervalSinceReferenceDate - configuration.quietPeriod
        while let first = expiry.first, first.time < cutoff {
            _ = expiry.popFirst()
            guard let slot = slots.slot(of: first.story) else { continue }  // merged into another story
            let lastActivity = slots[vitals: slot].lastActivity
            if lastActivity >= cutoff {
                expiry.insert(time: lastActivity, story: first.story)
            } else {
                close(slot)
            }
        }
    }

    /// Forgets a story: its articles leave the window's term statistics and its slot is freed.
    private mutating func close(_ slot: Int32) {
        let story = slots.remove(slot: slot).story
        documents -= story.articleCount
        // One pass: each term's entry leaves its posting list, then its articles leave the term's counts.
        story.terms.forEach { term, entry in
            if let moved = index.remove(at: Int(entry.posting), of: term, in: &table) {
                slots[moved.slot].terms.setPosting(entry.posting, for: term)
            }
            if table.adjustDocumentFrequency(of: term, by: -entry.articles) { index.release(term) }
        }
    }
}
