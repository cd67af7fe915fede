import ArticleIdentity
import Foundation
import SourceAdapterKit
import StoryClustering

/// What the ingest path computes in memory for a new item before clustering it (see `Ingestor` and
/// `ArticleStep` in `NewswireDaemon`): its identity keys from the canonical link and guid, the link
/// cleaned for readers, the version fingerprint and the near-duplicate hints. The store look-ups
/// that these feed are not part of it.
struct IdentityStage {
    let canonicalizer: LinkCanonicalizer

    /// Keys and hints made, in bytes, so that the work cannot be optimised away.
    private(set) var checksum = 0
    /// Whether to keep the last item's outputs in `lastOutputs` (for `--trace`).
    var recordsOutputs = false
    /// The last item's keys, clean link, fingerprint and hints, when `recordsOutputs`.
    private(set) var lastOutputs = ""

    init(outletRules: LinkRules = LinkRules()) {
        canonicalizer = LinkCanonicalizer(outletRules: outletRules)
    }

    /// The article as the clusterer gets it, or `nil` for an item without a usable link (skipped).
    mutating func process(_ candidate: ArticleCandidate, id: String) -> ClusterArticle? {
        let (canonicalLink, cleaned) = canonicalizer.canonicalAndCleanedLink(candidate.url)
        guard let keys = IdentityKeys(candidate: candidate, canonicalLink: canonicalLink, canonicalizer: canonicalizer)
        else { return nil }
        let content = ArticleContent(
            title: candidate.title, summary: candidate.summary, versionDate: candidate.updated ?? candidate.published)
        let hints = NearDuplicate.hints(outlet: candidate.outlet, title: candidate.title, summary: candidate.summary)
        checksum &+=
            keys.all.reduce(0) { $0 + $1.utf8.count } + cleaned.utf8.count
            + content.fingerprint.utf8.count + hints.reduce(0) { $0 + $1.utf8.count }
        if recordsOutputs {
            lastOutputs = "\(keys.all) \(cleaned) \(content.fingerprint) \(hints)"
        }
        return ClusterArticle(
            id: id, outlet: candidate.outlet, title: candidate.title, summary: candidate.summary,
            published: candidate.published ?? Date(timeIntervalSinceReferenceDate: 0))
    }
}
