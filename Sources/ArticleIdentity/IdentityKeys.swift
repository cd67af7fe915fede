import Foundation
public import SourceAdapterKit

/// The keys under which one article is known: an article matching any key of a known article
/// is that article.
///
/// - `url:` the canonical link (scheme, `www.`, tracking parameters… folded);
/// - `guid:` the guid as published, scoped to the outlet;
/// - `guidpath:` a URL-shaped guid without scheme and host, so an http→https or host switch
///   of the guid is not a new article; and its canonical form as a `url:` key when it points
///   at a page rather than a home page.
public struct IdentityKeys: Sendable, Equatable {
    /// The canonical link, also the first of `all`.
    public var canonicalLink: String
    /// Every key, most specific first, without duplicates.
    public var all: [String]

    /// Derives the keys of `candidate` with its outlet's link rules.
    public init?(candidate: ArticleCandidate, canonicalizer: LinkCanonicalizer) {
        guard let link = canonicalizer.canonicalize(candidate.url.absoluteString) else { return nil }
        canonicalLink = link
        var keys = ["url:" + link]
        if let rawGuid = candidate.guid?.trimmingWhitespaceAndNewlines(), rawGuid.count >= 4 {
            keys.append("guid:\(candidate.outlet):\(rawGuid)")
            if let guidLink = canonicalizer.canonicalize(rawGuid), let pathStart = Self.pathStart(guidLink) {
                let path = String(guidLink[pathStart...])
                if path.count > 1 {
                    keys.append("guidpath:\(candidate.outlet):\(path)")
                    keys.append("url:" + guidLink)
                }
            }
        }
        var seen = Set<String>()
        all = keys.filter { seen.insert($0).inserted }
    }

    /// Where the path (or query) starts in a canonical `https://host…` link.
    private static func pathStart(_ link: String) -> String.Index? {
        let afterScheme = link.index(link.startIndex, offsetBy: "https://".count)
        return link[afterScheme...].firstIndex { $0 == "/" || $0 == "?" }
    }
}
