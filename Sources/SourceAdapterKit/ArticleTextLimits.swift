/// The longest title and summary an article keeps, in UTF-8 bytes.
///
/// A summary is a few sentences; a feed that puts whole pages there (or a 4.8 MB description)
/// would otherwise be stored, and sent to every subscriber, whole, at every revision. Text beyond
/// the limit is cut at the last space before it, and marked with an ellipsis.
public enum ArticleTextLimits {
    public static let title = 2_048
    public static let summary = 32_768

    /// `text`, or its beginning cut to at most `limit` UTF-8 bytes (the ellipsis included).
    public static func cut(_ text: String, to limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        let ellipsis = "\u{2026}"
        let room = limit - ellipsis.utf8.count
        var end = text.startIndex
        var used = 0
        var lastSpace: String.Index?
        for index in text.indices {
            let width = text[index].utf8.count
            guard used + width <= room else { break }
            if text[index].isWhitespace { lastSpace = index }
            used += width
            end = text.index(after: index)
        }
        // Back to a word boundary unless that loses more than a tenth of what is kept.
        if let lastSpace, text.distance(from: lastSpace, to: end) < room / 10 { end = lastSpace }
        return String(text[..<end]) + ellipsis
    }
}
