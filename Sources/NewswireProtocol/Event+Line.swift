/// The wire line of an event, written directly (see `JSONLineWriter`): byte for byte what
/// `WireCoding.makeEncoder()` makes of it, without `Codable`'s cost per event.
extension Event {
    /// This event as one line of JSON (without the newline).
    public var line: String {
        var writer = JSONLineWriter()
        writer.beginObject()
        if let article {
            writer.key("article")
            article.write(to: &writer)
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
