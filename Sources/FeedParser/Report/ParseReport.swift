public import Foundation
import CivilCalendar

/// Renders a parse result as the JSON that `newswire parse --json` prints:
///
///     {"format": "rss"|"atom"|"rdf"|"json"|null, "title": str|null, "link": str|null,
///      "items": [{"id": str|null, "title": str|null, "link": str|null,
///                 "published": "YYYY-MM-DDTHH:MM:SSZ"|null, "updated": same|null,
///                 "summary": str|null, "authors": [str]}],
///      "error": str|null}
///
/// Text fields are clean text and dates UTC. The view follows feedparser's conventions so the two
/// can be compared document by document: `updated` falls back to `published` when the entry has
/// no update date (as feedparser's `updated_parsed` does), and a date the parser had to replace
/// by the fetch time is shown as null (the document did not say it).
public enum ParseReport {
    /// The JSON text for one parse result (keys in the order above, `", "` and `": "` separators).
    public static func json(_ result: Result<ParsedFeed, FeedParseError>) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        switch result {
        case .success(let feed):
            writer.key("format")
            writer.string(feed.format?.rawValue)
            writer.key("title")
            writer.string(feed.title)
            writer.key("link")
            writer.string(feed.link)
            writer.key("items")
            writer.beginArray()
            for item in feed.items { writeItem(item, to: &writer) }
            writer.endArray()
            writer.key("error")
            writer.string(nil)
        case .failure(let error):
            for key in ["format", "title", "link"] {
                writer.key(key)
                writer.string(nil)
            }
            writer.key("items")
            writer.beginArray()
            writer.endArray()
            writer.key("error")
            writer.string(error.message)
        }
        writer.endObject()
        return writer.text
    }

    /// Parses `data` and renders the result (convenience for the command-line tool).
    public static func json(
        parsing data: Data, contentType: String? = nil, documentURL: URL? = nil,
        now: Date = Date()
    ) -> String {
        json(
            Result { () throws(FeedParseError) in
                try FeedParser.parse(data, contentType: contentType, documentURL: documentURL, now: now)
            })
    }

    /// A date as `YYYY-MM-DDTHH:MM:SSZ`.
    public static func timestamp(_ date: Date) -> String {
        let civil = CivilTime.utc(secondsSince1970: Int(date.timeIntervalSince1970.rounded(.down)))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let year = String(civil.year)
        let paddedYear = String(repeating: "0", count: max(0, 4 - year.count)) + year
        let day = "\(paddedYear)-\(two(civil.month))-\(two(civil.day))"
        return "\(day)T\(two(civil.hour)):\(two(civil.minute)):\(two(civil.second))Z"
    }

    private static func writeItem(_ item: FeedItem, to writer: inout JSONWriter) {
        let published = item.publishedIsFetchTime ? nil : item.published
        let updated = item.updatedIsFetchTime ? nil : item.updated
        let fields: [(String, String?)] = [
            ("id", item.id), ("title", item.title), ("link", item.link),
            ("published", published.map(timestamp)), ("updated", (updated ?? published).map(timestamp)),
            ("summary", item.summary),
        ]
        writer.beginObject()
        for (key, value) in fields {
            writer.key(key)
            writer.string(value)
        }
        writer.key("authors")
        writer.beginArray()
        for author in item.authors { writer.string(author) }
        writer.endArray()
        writer.endObject()
    }
}
