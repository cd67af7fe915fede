import Foundation

/// Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
enum JSONFeedReader {
    /// Whether the document's first non-blank character opens a JSON object.
    static func looksLikeJSON(_ bytes: Data) -> Bool {
        bytes.first(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) == UInt8(ascii: "{")
    }

    static func parse(
        _ bytes: Data, documentURL: URL?, now: Date,
        issues: [String]
    ) throws(FeedParseError) -> ParsedFeed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])
        } catch {
            throw FeedParseError("not a feed: the document starts like JSON but is not valid JSON")
        }
        guard let root = object as? [String: Any] else { throw FeedParseError("not a feed: JSON without an object") }
        let version = root["version"] as? String ?? ""
        guard version.contains("jsonfeed.org/version/") || root["items"] is [Any] else {
            throw FeedParseError("not a feed: a JSON document that is not a JSON Feed")
        }
        var drafts: [EntryDraft] = []
        let base = (root["feed_url"] as? String) ?? documentURL?.absoluteString
        for case let item as [String: Any] in root["items"] as? [Any] ?? [] {
            drafts.append(entry(from: item, base: base))
        }
        var feed = FeedDraft()
        feed.title = (root["title"] as? String).map { TextValue(text: $0, type: .plain) }
        feed.link = (root["home_page_url"] as? String).map { URLResolution.resolve($0, against: base) }
        var notes = issues
        if !version.contains("jsonfeed.org/version/") { notes.append("JSON Feed without a version") }
        var assembler = FeedAssembler(now: now, issues: notes)
        return assembler.assemble(format: .json, feed: feed, entries: drafts)
    }

    private static func entry(from item: [String: Any], base: String?) -> EntryDraft {
        var entry = EntryDraft()
        entry.base = base
        if let id = item["id"] as? String {
            entry.id = id
        } else if let id = item["id"] as? NSNumber {
            entry.id = id.stringValue
        }
        entry.title = (item["title"] as? String).map { TextValue(text: $0, type: .plain) }
        if let url = (item["url"] as? String) ?? (item["external_url"] as? String) {
            entry.link = URLResolution.resolve(url, against: base)
        }
        if let image = (item["image"] as? String) ?? (item["banner_image"] as? String) {
            entry.thumbnail = URLResolution.resolve(image, against: base)
        }
        entry.published = item["date_published"] as? String
        entry.updated = item["date_modified"] as? String
        if let summary = item["summary"] as? String { entry.summary = TextValue(text: summary, type: .plain) }
        if let html = item["content_html"] as? String {
            entry.content = TextValue(text: html, type: .html)
        } else if let text = item["content_text"] as? String {
            entry.content = TextValue(text: text, type: .plain)
        }
        var people: [[String: Any]] = item["authors"] as? [[String: Any]] ?? []
        if people.isEmpty, let single = item["author"] as? [String: Any] { people = [single] }
        entry.authors = people.map { AuthorDraft(name: $0["name"] as? String) }
        return entry
    }
}
