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
        if let changes {
            writer.key("changes")
            writer.strings(changes)
        }
        writer.key("seq")
        writer.integer(seq)
        if let source {
            writer.key("source")
            source.write(to: &writer)
        }
        if let story {
            writer.key("story")
            story.write(to: &writer)
        }
        writer.key("time")
        writer.string(RFC3339.format(time))
        writer.key("type")
        writer.string(type.rawValue)
        writer.endObject()
        return writer.text
    }
}

extension ArticlePayload {
    fileprivate func write(to writer: inout JSONLineWriter) {
        writer.beginObject()
        if let authors {
            writer.key("authors")
            writer.strings(authors)
        }
        writer.key("id")
        writer.integer(id)
        writer.key("outlet")
        writer.string(outlet)
        if let published {
            writer.key("published")
            writer.string(RFC3339.format(published))
        }
        writer.key("summary")
        writer.string(summary)
        writer.key("title")
        writer.string(title)
        writer.key("url")
        writer.string(url)
        writer.endObject()
    }
}

extension StoryPayload {
    fileprivate func write(to writer: inout JSONLineWriter) {
        writer.beginObject()
        if let articles {
            writer.key("articles")
            writer.integer(articles)
        }
        if let brief {
            writer.key("brief")
            writer.strings(brief)
        }
        writer.key("id")
        writer.integer(id)
        if let merged {
            writer.key("merged")
            writer.integers(merged)
        }
        if let outlets {
            writer.key("outlets")
            writer.strings(outlets)
        }
        writer.key("title")
        writer.string(title)
        writer.endObject()
    }
}

extension SourcePayload {
    fileprivate func write(to writer: inout JSONLineWriter) {
        writer.beginObject()
        if let error {
            writer.key("error")
            writer.string(error)
        }
        writer.key("feed")
        writer.string(feed)
        writer.key("outlet")
        writer.string(outlet)
        if let retryIn {
            writer.key("retryIn")
            writer.integer(retryIn)
        }
        writer.endObject()
    }
}
