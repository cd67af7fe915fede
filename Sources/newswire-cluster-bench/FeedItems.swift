import Foundation
import SourceAdapterKit
import StoryClustering

/// Dresses a generated article as a feed item: a link on its outlet's site with the usual
/// noise (`www.`, `http`, tracking parameters) and a URL-shaped guid, as adapters hand them over.
enum FeedItems {
    private static let feedURL = URL(string: "https://feeds.example.com/rss.xml")!

    static func candidate(for article: ClusterArticle, number: Int) -> ArticleCandidate {
        let slug = article.title.lowercased().split(separator: " ").prefix(8).joined(separator: "-")
        var site = "www.\(article.outlet).example.com/news/\(number % 97)/\(slug)-\(number)"
        var url = URL(string: "http://\(site)?utm_source=rss&utm_medium=feed&id=\(number)")
        if url == nil {
            // Real headlines and outlet names (`--dev`) hold characters a link cannot: keep letters and digits.
            site = "www.\(linkSafe(article.outlet)).example.com/news/\(number % 97)/\(linkSafe(slug))-\(number)"
            url = URL(string: "http://\(site)?utm_source=rss&utm_medium=feed&id=\(number)")
        }
        guard let url else { preconditionFailure("no link for \(article.outlet)") }
        return ArticleCandidate(
            outlet: article.outlet, feedURL: feedURL, url: url, guid: "https://\(site)", title: article.title,
            summary: article.summary, published: article.published, updated: nil, authors: [])
    }

    private static func linkSafe(_ text: String) -> String {
        String(
            text.unicodeScalars.filter {
                $0.isASCII && ($0 == "-" || $0.properties.isAlphabetic || ("0"..."9").contains($0))
            }.map(Character.init))
    }
}
