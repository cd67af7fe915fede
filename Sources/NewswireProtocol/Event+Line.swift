/// The wire line of an event, written directly (see `JSONLineWriter`): byte for byte what
/// `WireCoding.makeEncoder()` makes of it, without `Codable`'s cost per event.
extension Event {
    /// This event as one line of JSON (without the newline).
    public var line: String { line(encodedArticle: nil) }

    /// This event as one line of JSON, its article's members but the id taken from `encodedArticle`
    /// (written ahead from this same article).
    public func line(encodedArticle: EncodedArticlePayload?) -> String {
        var writer = JSONLineWriter()
        writer.beginObject()
        if let article {
            writer.key("article")
            if let encodedArticle {
                writer.raw(encodedArticle.head)
                writer.integer(article.id)
                writer.raw(encodedArticle.tail)
            } else {
                article.write(to: &writer)
            }
        }
        writer.field("changes", changes)
        writer.field("seq", seq)
        if let source {
            writer.key("source")
            source.write(to: &writer)
        }
        if let story {
            writer.key("story")
            story.write(to: &writer)
        }
        writer.field("time", RFC3339.formatEventTime(time))
        writer.field("type", type.rawValue)
        writer.endObject()
        return writer.text
    }
}

extension ArticlePayload {
    fileprivate func write(to writer: inout JSONLineWriter) {
        writer.beginObject()
        writer.field("authors", authors)
        writer.field("id", id)
        writeAfterID(to: &writer)
    }

    /// The members after `id`, and the end of the object.
    fileprivate func writeAfterID(to writer: inout JSONLineWriter) {
        writer.field("outlet", outlet)
        writer.field("published", published.map { RFC3339.format($0) })
        writer.field("summary", summary)
        writer.field("title", title)
        writer.field("url", url)
        writer.endObject()
    }
}

extension StoryPayload {
    fileprivate func write(to writer: inout JSONLineWriter) {
        writer.beginObject()
        writer.field("articles", articles)
        writer.field("brief", brief)
        writer.field("id", id)
        writer.field("merged", merged)
        writer.field("outlets", outlets)
        writer.field("title", title)
        writer.endObject()
    }
}

extension SourcePayload {
    fileprivate func write(to writer: inout JSONLineWriter) {
        writer.beginObject()
        writer.field("error", error)
        writer.field("feed", feed)
        writer.field("outlet", outlet)
        writer.field("retryIn", retryIn)
        writer.endObject()
    }
}

/// An article payload written as JSON ahead of its id, which only the store gives: the bytes
/// before the id's digits and the bytes after them.
///
/// The daemon writes it in each feed's task, so that the one writer only copies it into the
/// article's event line.
public struct EncodedArticlePayload: Sendable, Equatable {
    let head: [UInt8]
    let tail: [UInt8]

    /// Writes every member of `payload` but its id.
    public init(_ payload: ArticlePayload) {
        var writer = JSONLineWriter(capacity: 64)
        writer.beginObject()
        writer.field("authors", payload.authors)
        writer.key("id")
        head = writer.bytes
        writer = JSONLineWriter(capacity: 512)
        writer.raw([])  // stands for the id's digits: the next member starts with a comma
        payload.writeAfterID(to: &writer)
        tail = writer.bytes
    }
}
