import ArticleIdentity
import Foundation
import Logging
import NewswireProtocol
import SourceAdapterKit
import StoryClustering

/// A candidate with everything about it that does not depend on the store: its identity keys,
/// near-duplicate hints, content and fingerprint, the link readers get, and the words the
/// clusterer reads.
///
/// Computed by the feed's own task before it queues for the `Ingestor`, so that this work (link
/// parsing, text folding, tokenizing) runs on the other core instead of inside the one writer.
struct PreparedArticle: Sendable {
    /// The candidate as the adapter gave it.
    var candidate: ArticleCandidate
    /// Its link cleaned of tracking parameters and fragment: the one readers get.
    var link: String
    var keys: IdentityKeys
    var content: ArticleContent
    var fingerprint: String
    var hints: [String]
    var words: ClusterArticleWords
    /// The `article` member of its `article.new` event, but for the id the store gives it.
    var payload: EncodedArticlePayload
    /// The canonical links of every item of the feed document it came in.
    var documentLinks: DocumentLinks

    /// The article of the `article.new` event a candidate gets, with id 0, under `link`.
    static func newArticlePayload(of candidate: ArticleCandidate, link: String) -> ArticlePayload {
        ArticlePayload(
            id: 0, outlet: candidate.outlet, title: candidate.title, url: link,
            published: candidate.published, summary: candidate.summary,
            authors: candidate.authors.isEmpty ? nil : candidate.authors)
    }

    /// Prepares a feed's candidates with its adapter's link rules; items without a usable link are
    /// left out (and logged at debug level).
    static func prepare(
        _ candidates: [ArticleCandidate], adapter: any SourceAdapter, logger: Logger
    ) -> [PreparedArticle] {
        let canonicalizer = LinkCanonicalizer(outletRules: adapter.linkRules)
        let identified = candidates.compactMap { candidate -> (ArticleCandidate, IdentityKeys, String)? in
            // Readers get the link as published, minus tracking parameters and fragment.
            let (canonicalLink, link) = canonicalizer.canonicalAndCleanedLink(candidate.url)
            guard
                let keys = IdentityKeys(
                    candidate: candidate, canonicalLink: canonicalLink, canonicalizer: canonicalizer)
            else {
                logger.debug(
                    "item without a usable link skipped",
                    metadata: ["feed": "\(candidate.feedURL)", "link": "\(candidate.url)"])
                return nil
            }
            return (candidate, keys, link)
        }
        let keys = IdentityKeys.withoutKeysSharedAcrossLinks(identified.map(\.1))
        let documentLinks = DocumentLinks(links: Set(keys.map(\.canonicalLink)))
        return zip(identified, keys).map { identified, keys in
            let (candidate, _, link) = identified
            let content = ArticleContent(
                title: candidate.title, summary: candidate.summary,
                versionDate: candidate.updated ?? candidate.published)
            return PreparedArticle(
                candidate: candidate, link: link, keys: keys, content: content, fingerprint: content.fingerprint,
                hints: NearDuplicate.hints(
                    outlet: candidate.outlet, title: candidate.title, summary: candidate.summary),
                words: ClusterArticleWords(title: candidate.title, summary: candidate.summary),
                payload: EncodedArticlePayload(newArticlePayload(of: candidate, link: link)),
                documentLinks: documentLinks)
        }
    }
}

/// The canonical links of one feed document's items, shared by its prepared articles: two items
/// listed side by side at different links are two articles, however alike their text.
final class DocumentLinks: Sendable {
    private let links: Set<String>

    init(links: Set<String>) { self.links = links }

    func contains(_ link: String) -> Bool { links.contains(link) }
}
