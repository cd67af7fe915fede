import ArticleIdentity
import Foundation
import NewswireProtocol
import NewswireStore
import SourceAdapterKit
import StoryClustering

/// What one candidate does to the store, inside its feed's transaction: a new article joined
/// to a story, a revision of a known article, or nothing at all.
enum ArticleStep {
    static func apply(
        _ article: PreparedArticle, tx: some StoreAccess, window: inout ClusteringWindow, stories: inout StoryRows,
        now: Date
    ) throws -> [EmittedEvent] {
        let known = try tx.article(forKeys: article.keys.all)
        if let known = try known ?? nearDuplicate(of: article, tx: tx) {
            // Learn this copy's keys, so that it is found directly next time.
            try tx.addKeys(article.keys.all, to: known.id)
            try tx.addHints(article.hints, to: known.id)
            return try revise(known, with: article, tx: tx, stories: &stories, now: now)
        }
        return try window.withClusterer(tx: tx, now: now) { clusterer in
            try insert(article, tx: tx, stories: &stories, clusterer: &clusterer, now: now)
        }
    }

    /// A known article of the same outlet that this candidate republishes under a new link or guid;
    /// never one its own feed document lists beside it, at another link (a templated summary,
    /// "Photos of the day: 3 December" and "… 4 December", is no reason to merge them).
    private static func nearDuplicate(of article: PreparedArticle, tx: some StoreAccess) throws -> StoredArticle? {
        let candidate = article.candidate, content = article.content
        return try tx.articles(sharingHints: article.hints, limit: 8).first { known in
            known.outlet == candidate.outlet
                && (known.canonicalURL == article.keys.canonicalLink
                    || !article.documentLinks.contains(known.canonicalURL))
                && NearDuplicate.isSameArticle(
                    known: ArticleContent(title: known.title, summary: known.summary, versionDate: known.versionDate),
                    knownDate: known.published ?? known.firstSeen, incoming: content,
                    incomingDate: candidate.published)
        }
    }

    private static func insert(
        _ prepared: PreparedArticle, tx: some StoreAccess, stories: inout StoryRows, clusterer: inout StoryClusterer,
        now: Date
    ) throws -> [EmittedEvent] {
        let candidate = prepared.candidate
        var article = StoredArticle(
            outlet: candidate.outlet, url: prepared.link, canonicalURL: prepared.keys.canonicalLink,
            guid: candidate.guid, title: candidate.title, summary: candidate.summary, authors: candidate.authors,
            published: candidate.published, versionDate: prepared.content.versionDate,
            fingerprint: prepared.fingerprint, firstSeen: now, storyID: nil)
        // The id the row will get, so that the story is known before the row is written, once.
        article.id = try tx.nextArticleID()
        let clusterTime = ClusteringWindow.clusterTime(published: article.published, now: now)
        // Stories quiet for longer than the quiet period close before the article is matched, as in
        // `newswire cluster`: the window, and the memory it holds, ends there while the daemon is busy.
        clusterer.expire(now: clusterTime)
        let assignment = clusterer.assign(
            ClusterArticle(
                id: String(article.id), outlet: article.outlet, title: article.title, summary: article.summary,
                published: clusterTime, words: prepared.words))
        if !assignment.absorbedStories.isEmpty {
            // Merging marks the absorbed stories' rows: they must be written first.
            try stories.flush(assignment.absorbedStories, tx: tx)
            for absorbed in assignment.absorbedStories {
                try tx.mergeStory(absorbed, into: assignment.story)
            }
        }
        let stored = try stories.story(id: assignment.story, tx: tx)
        let outline = clusterer.outline(of: assignment.story) ?? (articleCount: 1, outlets: [article.outlet])
        let refresh = StoryTextRefresh.isDue(
            storedOutlets: stored?.outlets, articleCount: outline.articleCount, outlets: outline.outlets,
            merged: !assignment.absorbedStories.isEmpty)
        let summary =
            (refresh ? clusterer.summary(of: assignment.story) : nil)
            ?? StorySummary(
                id: assignment.story, headline: stored?.headline ?? article.title, outlets: outline.outlets,
                articleCount: outline.articleCount, brief: stored?.brief ?? [])
        let created = stored?.created ?? now
        // Before the article: its row refers to the story's.
        try stories.save(
            StoredStory(
                id: summary.id, headline: summary.headline, outlets: summary.outlets,
                articleCount: summary.articleCount, brief: summary.brief, created: created,
                lastActivity: now), tx: tx)
        article.storyID = assignment.story
        article.id = try tx.insertArticle(
            article, keys: prepared.keys.all, joinScore: assignment.explanation.score,
            joinTerms: assignment.explanation.sharedTerms)
        try tx.addHints(prepared.hints, to: article.id)

        let storyRef = StoryPayload(id: summary.id, title: summary.headline)
        let fullStory = StoryPayload(
            id: summary.id, title: summary.headline, outlets: summary.outlets,
            articles: summary.articleCount, brief: summary.brief,
            merged: assignment.absorbedStories.isEmpty ? nil : assignment.absorbedStories)
        return [
            try tx.emit(
                Event(seq: 0, type: .articleNew, time: now, article: payload(article), story: storyRef),
                outlet: article.outlet, encodedArticle: prepared.payload),
            try tx.emit(
                Event(
                    seq: 0, type: assignment.isNewStory ? .storyNew : .storyUpdated, time: now,
                    story: fullStory), outlet: article.outlet),
        ]
    }

    /// A newer version of a known article: its text, and its link when the revision moved it (a slug
    /// that follows the headline); an older or already seen version changes nothing.
    private static func revise(
        _ known: StoredArticle, with article: PreparedArticle, tx: some StoreAccess, stories: inout StoryRows,
        now: Date
    ) throws -> [EmittedEvent] {
        let candidate = article.candidate, content = article.content
        let current = ArticleContent(title: known.title, summary: known.summary, versionDate: known.versionDate)
        let decision = RevisionDecision.decide(
            current: current, seenFingerprints: try tx.versions(of: known.id),
            incoming: content)
        var changes: [String]
        switch decision {
        case .unchanged, .staleCopy: return []
        case .unchangedDatedEarlier(let versionDate):
            var redated = known
            redated.versionDate = versionDate
            try tx.updateArticle(redated)
            return []
        case .revised(let revisedFields): changes = revisedFields
        }
        var revised = known
        if article.keys.canonicalLink != known.canonicalURL, article.link != known.url {
            revised.url = article.link
            changes.append("url")
        }
        revised.title = candidate.title
        revised.summary = candidate.summary
        revised.authors = candidate.authors.isEmpty ? known.authors : candidate.authors
        revised.versionDate = content.versionDate ?? known.versionDate
        revised.fingerprint = content.fingerprint
        try tx.updateArticle(revised)
        let story = try known.storyID.flatMap { try stories.story(id: $0, tx: tx) }
        return [
            try tx.emit(
                Event(
                    seq: 0, type: .articleUpdated, time: now, article: payload(revised),
                    story: story.map { StoryPayload(id: $0.id, title: $0.headline) }, changes: changes),
                outlet: known.outlet)
        ]
    }

    private static func payload(_ article: StoredArticle) -> ArticlePayload {
        ArticlePayload(
            id: article.id, outlet: article.outlet, title: article.title, url: article.url,
            published: article.published, summary: article.summary,
            authors: article.authors.isEmpty ? nil : article.authors)
    }
}
