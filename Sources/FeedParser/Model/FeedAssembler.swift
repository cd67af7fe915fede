import Foundation

/// Turns what the reader collected into the public `ParsedFeed`: clean text, sanitized HTML,
/// dates as instants, links with the guid fallback, and the list of issues.
struct FeedAssembler {
    let now: Date
    private(set) var issues: [String] = []
    /// Fields whose double encoding (UTF-8 read as windows-1252) was undone.
    private var repairedFields = 0

    init(now: Date, issues: [String]) {
        self.now = now
        self.issues = issues
    }

    mutating func assemble(format: FeedFormat?, feed: FeedDraft, entries: [EntryDraft]) -> ParsedFeed {
        let title = feed.title.map { cleanText($0) }
        let items = entries.enumerated().map { index, entry in item(from: entry, position: index + 1) }
        if repairedFields > 0 {
            issues.append("double-encoded text (UTF-8 read as windows-1252) repaired in \(repairedFields) field(s)")
        }
        var parsed = ParsedFeed(
            format: format, title: title, link: feed.link ?? feed.guidLink, items: items,
            ttlMinutes: feed.ttl.flatMap { Int($0.trimmingWhitespace()) }, issues: issues)
        parsed.selfLink = feed.selfLink
        return parsed
    }

    private mutating func item(from entry: EntryDraft, position: Int) -> FeedItem {
        var item = FeedItem(id: entry.id, title: entry.title.map { cleanText($0) }, link: entry.link ?? entry.guidLink)
        if let body = entry.summary ?? entry.content {
            let repaired = repairingDoubleEncoding(body)
            item.summaryHTML = Self.sanitizedHTML(repaired, base: entry.base)
            item.summary = HTMLText.plainText(fromHTML: repaired.text)
        }
        item.imageURL = entry.thumbnail ?? entry.mediaImage ?? entry.enclosureImage
        item.authors = entry.authors.compactMap { author in
            guard let name = author.name.map(HTMLText.foldingWhitespace), !name.isEmpty else { return nil }
            return name
        }
        (item.published, item.publishedIsFetchTime) = date(entry.published, field: "published", position: position)
        (item.updated, item.updatedIsFetchTime) = date(entry.updated, field: "updated", position: position)
        return item
    }

    private mutating func date(_ text: String?, field: String, position: Int) -> (Date?, Bool) {
        guard let text, !text.isEmpty else { return (nil, false) }
        if let seconds = FeedDateParser.secondsSince1970(text) {
            return (Date(timeIntervalSince1970: TimeInterval(seconds)), false)
        }
        issues.append("item \(position): \(field) date \"\(text.prefix(60))\" is not a possible date; fetch time used")
        return (now, true)
    }

    /// Clean text of a title or summary. Nominally plain text goes through the HTML reading too:
    /// feeds routinely put markup and entity references in "plain" fields, and readers show
    /// them decoded.
    private mutating func cleanText(_ value: TextValue) -> String {
        HTMLText.plainText(fromHTML: repairingDoubleEncoding(value).text)
    }

    private mutating func repairingDoubleEncoding(_ value: TextValue) -> TextValue {
        let repaired = MojibakeRepair.repaired(value.text)
        guard repaired != value.text else { return value }
        repairedFields += 1
        return TextValue(text: repaired, type: value.type)
    }

    /// Sanitized HTML of a summary; plain text is escaped so the result is always markup.
    static func sanitizedHTML(_ value: TextValue, base: String?) -> String {
        switch value.type {
        case .html, .xhtml: HTMLSanitizer.sanitize(value.text, base: base)
        case .plain, .other: HTMLSanitizer.escape(value.text)
        }
    }
}
