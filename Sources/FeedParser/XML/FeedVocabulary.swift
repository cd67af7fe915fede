/// The namespaces whose elements the feed reader understands, folded the way feed readers
/// traditionally fold them: RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and their historical aliases all
/// count as the core vocabulary.
enum FeedNamespace: Equatable {
    case core, content, dublinCore, dublinCoreTerms, iTunes, media, rdf, xhtml, xml, other

    /// Classifies a namespace URI (compared without regard to case).
    init(uri: String) {
        let lowered = uri.lowercased()
        switch lowered {
        case "", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/",
            "http://purl.org/atom/ns#", "http://www.w3.org/2005/atom",
            "http://purl.org/rss/1.0/modules/rss091#", "http://blogs.law.harvard.edu/tech/rss",
            "http://example.com/newformat#", "http://example.com/necho", "http://purl.org/echo/",
            "uri/of/echo/namespace#", "http://purl.org/pie/":
            self = .core
        case "http://purl.org/rss/1.0/modules/content/": self = .content
        case "http://purl.org/dc/elements/1.1/": self = .dublinCore
        case "http://purl.org/dc/terms/": self = .dublinCoreTerms
        case "http://www.itunes.com/dtds/podcast-1.0.dtd", "http://example.com/dtds/podcast-1.0.dtd": self = .iTunes
        case "http://search.yahoo.com/mrss", "http://search.yahoo.com/mrss/": self = .media
        case "http://www.w3.org/1999/02/22-rdf-syntax-ns#": self = .rdf
        case "http://www.w3.org/1999/xhtml": self = .xhtml
        case "http://www.w3.org/xml/1998/namespace": self = .xml
        default:
            self = lowered.contains("backend.userland.com/rss") ? .core : .other
        }
    }
}

/// How a text-bearing element's value is to be read when no `type` attribute says otherwise.
enum TextType: Equatable {
    case plain, html, xhtml
    /// Anything else (an Atom MIME type such as `image/png`): not text, possibly base64.
    case other

    /// Maps an Atom/RSS `type` attribute value the way feed readers do.
    init(attribute value: String) {
        switch value.lowercased() {
        case "text", "plain", "text/plain": self = .plain
        case "html", "text/html": self = .html
        case "xhtml", "application/xhtml+xml": self = .xhtml
        case let other where other.hasPrefix("text/") || other.hasSuffix("+xml") || other.hasSuffix("/xml"):
            self = .plain
        default: self = .other
        }
    }
}

/// What an element means to the feed reader.
enum ElementRole: Equatable {
    case rssRoot, atomRoot, rdfRoot, channel, entry, source, image, textInput
    case title, mediaTitle, link, id
    /// RSS description and its aliases; `defaultType` is used when no `type` attribute is given.
    case description(defaultType: TextType)
    case summary
    case content(defaultType: TextType)
    case published, updated
    case author, contributor, name, email, uri
    case ttl
    /// Image sources: `media:thumbnail`, `media:content`, `<enclosure>`.
    case thumbnail, mediaContent, enclosure
    case ignored

    /// Classifies an element by namespace and lowercased local name (feed readers match element
    /// names without regard to case: `<pubdate>`, `<TITLE>` and CDF's `<CHANNEL>` all occur).
    init(namespace: FeedNamespace, localName: String) {
        switch namespace {
        case .core: self = Self.core(localName)
        case .content: self = localName == "encoded" ? .content(defaultType: .html) : .ignored
        case .dublinCore:
            switch localName {
            case "title": self = .title
            case "creator", "author": self = .author
            case "date": self = .updated
            case "description": self = .description(defaultType: .html)
            default: self = .ignored
            }
        case .dublinCoreTerms:
            switch localName {
            case "issued": self = .published
            case "modified": self = .updated
            default: self = .ignored
            }
        case .iTunes:
            switch localName {
            case "author": self = .author
            case "summary": self = .summary
            case "name": self = .name
            case "email": self = .email
            default: self = .ignored
            }
        case .media:
            switch localName {
            case "title": self = .mediaTitle
            case "description": self = .description(defaultType: .html)
            case "thumbnail": self = .thumbnail
            case "content": self = .mediaContent
            default: self = .ignored
            }
        case .rdf: self = localName == "rdf" ? .rdfRoot : .ignored
        case .xhtml: self = localName == "body" ? .content(defaultType: .xhtml) : .ignored
        case .xml, .other: self = .ignored
        }
    }

    private static func core(_ name: String) -> ElementRole {
        switch name {
        case "rss": .rssRoot
        case "feed": .atomRoot
        case "channel": .channel
        case "item", "entry": .entry
        case "source": .source
        case "image": .image
        case "textinput": .textInput
        case "title": .title
        case "link": .link
        case "guid", "id": .id
        case "description": .description(defaultType: .html)
        case "abstract": .description(defaultType: .plain)
        case "summary": .summary
        case "content": .content(defaultType: .plain)
        case "body", "fullitem": .content(defaultType: name == "body" ? .xhtml : .html)
        case "pubdate", "published", "issued": .published
        case "updated", "modified", "lastbuilddate": .updated
        case "author", "managingeditor": .author
        case "contributor": .contributor
        case "name": .name
        case "email": .email
        case "url", "uri", "homepage": .uri
        case "ttl": .ttl
        case "enclosure": .enclosure
        default: .ignored
        }
    }
}
