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
        self.init(
            candidate: candidate, canonicalLink: canonicalizer.canonicalize(candidate.url.absoluteString),
            canonicalizer: canonicalizer)
    }

    /// The same when the candidate's canonical link is known already (see
    /// `LinkCanonicalizer.canonicalAndCleanedLink`): nil when it is nil.
    ///
    /// Both are borrowed: an initializer takes its arguments owned by default, and the caller then
    /// copied the candidate and the canonicalizer (a dozen retains and releases) for every item.
    public init?(
        candidate: borrowing ArticleCandidate, canonicalLink link: String?, canonicalizer: borrowing LinkCanonicalizer
    ) {
        guard let link else { return nil }
        canonicalLink = link
        var keys: [String] = []
        keys.reserveCapacity(4)
        keys.append(String(concatenating: "url:", link))
        if let rawGuid = candidate.guid.map(Whitespace.trimmed), Self.hasFourCharacters(rawGuid) {
            keys.append(String(concatenating: "guid:", candidate.outlet, ":", rawGuid))
            // The guid's link is only wanted as a key: made with its `url:` prefix, in one string.
            // ASCII: a canonical path is percent-encoded.
            if let guidKey = canonicalizer.canonicalize(rawGuid, prefixedWith: "url:"),
                let path = Self.path(of: guidKey), path.utf8.count > 1
            {
                keys.append(String(concatenating: "guidpath:", candidate.outlet, ":", path))
                // No key repeats another but this one, when the guid's link is the item's own.
                if guidKey != keys[0] { keys.append(guidKey) }
            }
        }
        all = keys
    }

    /// The keys of one feed document's items, less those that items with different canonical
    /// links share: a feed lists each article once, so a guid (or a guid's link) that several of
    /// its links carry names none of them (a CMS that gives every item the home page as guid, or
    /// reuses one). Each item keeps its own link's key.
    public static func withoutKeysSharedAcrossLinks(_ items: [IdentityKeys]) -> [IdentityKeys] {
        var linksByKey: [String: String] = [:]
        var shared: Set<String> = []
        for item in items {
            for key in item.all.dropFirst() {
                if let link = linksByKey.updateValue(item.canonicalLink, forKey: key), link != item.canonicalLink {
                    shared.insert(key)
                }
            }
        }
        // A key that is one item's own link, and another's guid, names the first item only.
        let ownLinks = Set(items.map { "url:" + $0.canonicalLink })
        for key in ownLinks where linksByKey[key].map({ "url:" + $0 != key }) == true { shared.insert(key) }
        guard !shared.isEmpty else { return items }
        return items.map { item in
            var kept = item
            kept.all = [item.all[0]] + item.all.dropFirst().filter { !shared.contains($0) }
            return kept
        }
    }

    /// `text.count >= 4`, without counting the characters of a long guid.
    ///
    /// Most guids start with four ASCII bytes: two ASCII bytes are always two characters but for CR LF,
    /// so four of them, the first three not CR, start four characters, with no grapheme breaking.
    static func hasFourCharacters(_ text: String) -> Bool {
        let startsPlain = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.count >= 4 && bytes[0..<4].allSatisfy { $0 < 0x80 } && !bytes[0..<3].contains(UInt8(ascii: "\r"))
        }
        if startsPlain == true { return true }
        return text.index(text.startIndex, offsetBy: 4, limitedBy: text.endIndex) != nil
    }

    /// The path (or query) of a `url:https://host…` key: from the first `/` or `?` after its host.
    private static func path(of key: String) -> Substring? {
        var link = key
        let start = link.withUTF8 { bytes in
            bytes["url:https://".utf8.count...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }
        }
        guard let start else { return nil }
        return link[link.utf8.index(link.startIndex, offsetBy: start)...]
    }
}
