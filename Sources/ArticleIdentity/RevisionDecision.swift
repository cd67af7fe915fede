/// What to do with a copy of an article that is already known.
public enum RevisionDecision: Sendable, Equatable {
    /// Same text as the current version (or only presentation differs): nothing to say.
    case unchanged
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
        if fingerprint == current.fingerprint { return .unchanged }
        if seenFingerprints.contains(fingerprint) { return .staleCopy }
        if let old = current.versionDate, let new = incoming.versionDate, new < old { return .staleCopy }
        var changes: [String] = []
        if TextFolding.fold(current.title) != TextFolding.fold(incoming.title) { changes.append("title") }
        if TextFolding.fold(current.summary) != TextFolding.fold(incoming.summary) { changes.append("summary") }
        return .revised(changes: changes)
    }
}
