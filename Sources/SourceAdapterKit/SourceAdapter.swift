public import FeedParser
public import Foundation

/// One outlet's knowledge: who it is, where its feeds are, and its quirks.
///
/// A conformer promises to be a pure value: no I/O, no clock, no shared mutable state. The
/// daemon fetches and parses the feeds; the adapter only turns what was parsed into articles
/// and says how the outlet's links are canonicalized. Most outlets need nothing beyond
/// metadata and link rules, and get `articles(from:feedURL:)` from the protocol extension.
public protocol SourceAdapter: Sendable {
    /// The outlet this adapter speaks for.
    var outlet: OutletInfo { get }
    /// The feeds polled when the configuration does not name others.
    var defaultFeeds: [URL] { get }
    /// The outlet's own link quirks, applied on top of the global canonicalization rules.
    var linkRules: LinkRules { get }
    /// Turns one parsed feed document into article candidates.
    func articles(from feed: ParsedFeed, feedURL: URL) -> [ArticleCandidate]
}

extension SourceAdapter {
    public var linkRules: LinkRules { LinkRules() }

    /// The default mapping: one candidate per item that has a link or an id and a title.
    ///
    /// Titles and summaries are cut to `ArticleTextLimits`. An item with no publication date but
    /// an update date (Atom's `updated` alone, RSS 1.0's `dc:date`) is taken as published then.
    public func articles(from feed: ParsedFeed, feedURL: URL) -> [ArticleCandidate] {
        feed.items.compactMap { item in
            guard let link = item.link ?? item.id.flatMap({ $0.hasPrefix("http") ? $0 : nil }),
                let url = URL(string: link, relativeTo: feedURL)?.absoluteURL
            else { return nil }
            let title = ArticleTextLimits.cut(item.title ?? "", to: ArticleTextLimits.title)
            guard !title.isEmpty || item.summary != nil else { return nil }
            return ArticleCandidate(
                outlet: outlet.id, feedURL: feedURL, url: url, guid: item.id, title: title,
                summary: ArticleTextLimits.cut(item.summary ?? "", to: ArticleTextLimits.summary),
                published: item.published ?? item.updated, updated: item.updated, authors: item.authors)
        }
    }
}
