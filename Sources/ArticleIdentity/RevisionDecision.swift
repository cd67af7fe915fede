public import Foundation

/// What to do with a copy of an article that is already known.
public enum RevisionDecision: Sendable, Equatable {
    /// Same text as the current version (or only presentation differs): nothing to say.
    case unchanged
    /// Same text as the current version, dated earlier by this copy than the version's date so far:
    /// nothing to say, but the version now dates from `versionDate`.
    ///
    /// A version dates from its first appearance by any feed's account. A feed that re-dates its
    /// items on every fetch gives each copy the time of that fetch; had its first copy set the date
    /// for good, a revision that keeps the article's own publication date (as most feeds do) would
    /// look older than the version it revises, and be lost.
    case unchangedDatedEarlier(versionDate: Date)
    /// A copy of a version seen before, or an older one: ignored, so that two feeds that
    /// disagree never make the article flap between versions.
    case staleCopy
    /// A new version: one `article.updated` naming the fields that changed.
    case revised(changes: [String])

    /// Decides between the stored current version and an incoming copy.
    ///
    /// - Parameters:
    ///   - current: the version the store holds as current.
    ///   - seenFingerprints: fingerprints of every version ever stored for this article.
    ///   - incoming: the copy just read from a feed.
    public static func decide(
        current: ArticleContent, seenFingerprints: Set<String>,
        incoming: ArticleContent
    ) -> RevisionDecision {
        let fingerprint = incoming.fingerprint
        if fingerprint == current.fingerprint {
            if let old = current.versionDate, let new = incoming.versionDate, new < old {
                return .unchangedDatedEarlier(versionDate: new)
            }
            return .unchanged
        }
        if seenFingerprints.contains(fingerprint) { return .staleCopy }
        if let old = current.versionDate, let new = incoming.versionDate, new < old { return .staleCopy }
        var changes: [String] = []
        if TextFolding.fold(current.title) != TextFolding.fold(incoming.title) { changes.append("title") }
        if TextFolding.fold(current.summary) != TextFolding.fold(incoming.summary) { changes.append("summary") }
        return .revised(changes: changes)
    }
}
