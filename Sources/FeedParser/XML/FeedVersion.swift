/// Which syndication format and version a document is, worked out the way feedparser does:
/// from namespace declarations first, then from the root element and its `version` attribute.
struct FeedVersion: Equatable {
    /// feedparser's version code (`rss20`, `rss10`, `atom10`, …), empty while unknown.
    private(set) var code = ""

    /// The format this version belongs to.
    var format: FeedFormat? {
        if code == "rss090" || code == "rss10" { return .rdf }
        if code.hasPrefix("rss") { return .rss }
        if code.hasPrefix("atom") { return .atom }
        return nil
    }

    var isAtom: Bool { code.hasPrefix("atom") }

    mutating func noteNamespace(_ uri: String, prefix: String?) {
        guard code.isEmpty else { return }
        switch uri.lowercased() {
        case "http://my.netscape.com/rdf/simple/0.9/" where prefix == nil: code = "rss090"
        case "http://purl.org/rss/1.0/": code = "rss10"
        case "http://www.w3.org/2005/atom": code = "atom10"
        default: break
        }
    }

    mutating func noteRSSRoot(versionAttribute: String?) {
        guard !code.hasPrefix("rss") else { return }
        switch versionAttribute ?? "" {
        case "0.91": code = "rss091u"
        case "0.92": code = "rss092"
        case "0.93": code = "rss093"
        case "0.94": code = "rss094"
        case let version where version.hasPrefix("2."): code = "rss20"
        default: code = "rss"
        }
    }

    mutating func noteAtomRoot(versionAttribute: String?) {
        guard code.isEmpty else { return }
        switch versionAttribute {
        case "0.1": code = "atom01"
        case "0.2": code = "atom02"
        case "0.3": code = "atom03"
        default: code = "atom"
        }
    }

    mutating func noteRDFRoot() {}

    /// A JSON Feed document.
    mutating func noteJSONFeed(version: String) { code = version }
}
