import Foundation

/// Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
enum JSONFeedReader {
    /// Whether the document's first non-blank character opens a JSON object or array.
    static func looksLikeJSON(_ bytes: Data) -> Bool {
        let first = bytes.first(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) })
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
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
        // Any JSON object is read as a JSON Feed (as feedparser does); what it lacks is reported.
        guard let root = object as? [String: Any] else {
            throw FeedParseError("not a feed: a JSON document whose top level is not an object")
        }
        let version = (root["version"] as? String)?.trimmingWhitespace() ?? ""
        var drafts: [EntryDraft] = []
        let base = (root["feed_url"] as? String) ?? documentURL?.absoluteString
        for case let item as [String: Any] in root["items"] as? [Any] ?? [] {
            drafts.append(entry(from: item, base: base))
        }
        var feed = FeedDraft()
        feed.title = (root["title"] as? String).map { TextValue(text: $0.trimmingWhitespace(), type: .plain) }
        feed.selfLink = (root["feed_url"] as? String)?.trimmingWhitespace()
        feed.link = (root["home_page_url"] as? String).map { URLResolution.resolve($0, against: base) }
        var notes = issues
        if !version.hasPrefix("https://jsonfeed.org/version/") { notes.append("JSON Feed without a known version") }
        if !(root["items"] is [Any]) { notes.append("JSON Feed without an items array") }
        var assembler = FeedAssembler(now: now, issues: notes)
        return assembler.assemble(format: .json, feed: feed, entries: drafts)
    }

    private static func entry(from item: [String: Any], base: String?) -> EntryDraft {
        var entry = EntryDraft()
        entry.base = base
        entry.id = identifier(item["id"])
        entry.title = (item["title"] as? String).map { TextValue(text: $0, type: .plain) }
        // `url` is the item's own page; `external_url` is what a link-blog item points at.
        if let url = item["url"] as? String {
            entry.link = URLResolution.resolve(url.trimmingWhitespace(), against: base)
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

    /// The spec says ids are strings and other scalars are to be coerced: numbers as JSON (and
    /// Python) write them, booleans as `true`/`false`. Objects, arrays and null are no id.
    private static func identifier(_ value: Any?) -> String? {
        switch value {
        case let text as String:
            return text.trimmingWhitespace()
        case let number as NSNumber:
            switch String(cString: number.objCType) {
            case "c": return number.boolValue ? "true" : "false"
            case "d", "f":
                let double = number.doubleValue
                return double.rounded() == double && abs(double) < 1e16 ? "\(Int64(double)).0" : "\(double)"
            default: return number.stringValue
            }
        default:
            return nil
        }
    }
}
