public import Foundation

/// The syndication format a document turned out to be.
public enum FeedFormat: String, Sendable, Codable, Equatable {
    case rss, atom, rdf, json
}

/// Everything the parser read from one feed document, as clean values.
///
/// Text fields are clean text (HTML stripped, entities decoded, whitespace folded); dates are
/// absolute instants. A document that could only be read in part is still a `ParsedFeed`,
/// with what went wrong listed in `issues`.
public struct ParsedFeed: Sendable, Equatable {
    /// RSS (0.91–2.0), RDF (RSS 0.90 and 1.0), Atom (0.3, 1.0) or JSON Feed; nil when the
    /// document had feed items but no recognizable feed root.
    public var format: FeedFormat?
    /// The feed's title, as clean text.
    public var title: String?
    /// The feed's home page (RSS channel `<link>`, Atom `rel="alternate"` link), resolved.
    public var link: String?
    /// The entries, in document order.
    public var items: [FeedItem]
    /// RSS `<ttl>` in minutes, when the feed declares one.
    public var ttlMinutes: Int?
    /// Problems the parser recovered from (bad bytes, undeclared entities, truncation…).
    public var issues: [String]
    /// The feed's own URL as it declares it (`atom:link rel="self"`), resolved; nil when absent.
    public var selfLink: String?

    /// True when the parser had to recover from damage to read this document.
    public var isDegraded: Bool { !issues.isEmpty }

    /// A parsed feed made of the given values.
    public init(
        format: FeedFormat? = nil, title: String? = nil, link: String? = nil, items: [FeedItem] = [],
        ttlMinutes: Int? = nil, issues: [String] = []
    ) {
        self.format = format
        self.title = title
        self.link = link
        self.items = items
        self.ttlMinutes = ttlMinutes
        self.issues = issues
    }
}

/// One entry of a feed: an RSS `<item>`, an Atom `<entry>` or a JSON Feed item.
public struct FeedItem: Sendable, Equatable {
    /// guid / id / rdf:about, as published.
    public var id: String?
    /// The item's title, as clean text.
    public var title: String?
    /// The article link, resolved against `xml:base` and the document URL.
    public var link: String?
    /// When the item was first published (RSS `pubDate`, Atom `published`, `dcterms:issued`).
    public var published: Date?
    /// When the item was last changed (Atom `updated`, `dc:date`, `dcterms:modified`).
    public var updated: Date?
    /// Clean text of the summary (or of the content when there is no summary).
    public var summary: String?
    /// Sanitized HTML of the summary or content, for whoever wants markup.
    public var summaryHTML: String?
    /// Author names (RSS `author`, `dc:creator`, `itunes:author`, Atom persons), clean text.
    public var authors: [String]
    /// True when the published date was impossible and `published` holds the fetch time instead.
    public var publishedIsFetchTime = false
    /// True when the updated date was impossible and `updated` holds the fetch time instead.
    public var updatedIsFetchTime = false
    /// An image for the item: its `media:thumbnail`, else an image `media:content`, else an
    /// image enclosure (RSS `<enclosure>` or Atom `rel="enclosure"`), resolved; nil when none.
    public var imageURL: String?

    /// An item made of the given values.
    public init(
        id: String? = nil, title: String? = nil, link: String? = nil, published: Date? = nil,
        updated: Date? = nil, summary: String? = nil, summaryHTML: String? = nil, authors: [String] = []
    ) {
        self.id = id
        self.title = title
        self.link = link
        self.published = published
        self.updated = updated
        self.summary = summary
        self.summaryHTML = summaryHTML
        self.authors = authors
    }
}

/// A document from which nothing at all could be read.
public struct FeedParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for a person to read.
    public var message: String
    /// An error with the given message.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
