/// A text value as the document published it, before it becomes clean text.
struct TextValue: Equatable {
    var text: String
    var type: TextType
}

/// An author as read from `<author>`, `<dc:creator>`, `<itunes:author>` or an Atom person.
struct AuthorDraft: Equatable {
    var name: String?
    var email: String?
    /// The element's own text (`"jane@example.com (Jane Doe)"`), used when no child named it.
    var text: String?
}

/// What the reader collected for one entry, still in document terms.
struct EntryDraft: Equatable {
    var id: String?
    var idDepth: Int?
    var title: TextValue?
    /// Depth of the element that set `title`; a later title at the same depth or deeper loses.
    var titleDepth: Int?
    var link: String?
    /// A permalink guid stands in for the link when the entry has none.
    var guidLink: String?
    var published: String?
    var updated: String?
    /// The first description-like element (description, summary, itunes:summary…).
    var summary: TextValue?
    /// The first content element (content:encoded, Atom content) whose type is text.
    var content: TextValue?
    var authors: [AuthorDraft] = []
    /// The xml:base in force at the entry, for resolving links found in its markup.
    var base: String?
    /// Image candidates, in order of preference once all are read.
    var thumbnail: String?
    var mediaImage: String?
    var enclosureImage: String?
}

/// What the reader collected at feed level.
struct FeedDraft: Equatable {
    var title: TextValue?
    var titleDepth: Int?
    var link: String?
    /// A permalink feed-level id stands in for the link when the feed has none.
    var guidLink: String?
    var selfLink: String?
    var ttl: String?
}
