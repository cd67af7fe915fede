import NewswireProtocol

/// Writes one structured journal entry per event, with a sentence a person reads and the
/// `NEWSWIRE_*` fields to filter on.
struct EventJournal: Sendable {
    let writer: JournalWriter
    /// Outlet display names by id, for readable messages.
    let outletNames: [String: String]

    /// Records events in order, written together (one write on stderr).
    func record(_ events: [(event: Event, outlet: String?)]) {
        guard writer.isJournal else {
            // On stderr only the sentence, the level and the sequence number show: the fields
            // are not built at all.
            writer.sendLines(
                events.map { (message(for: $0.event, outlet: $0.outlet), $0.event.type.priority, $0.event.seq) })
            return
        }
        writer.send(events.map { entry(for: $0.event, outlet: $0.outlet) })
    }

    private func entry(
        for event: Event, outlet: String?
    ) -> (message: String, priority: Int, fields: [(String, String)]) {
        var fields: [(String, String)] = [
            ("MESSAGE_ID", event.type.messageID),
            (JournalField.event, event.type.rawValue),
            (JournalField.seq, String(event.seq)),
        ]
        if let outlet { fields.append((JournalField.outlet, outlet)) }
        if let article = event.article {
            fields += [
                (JournalField.article, String(article.id)), (JournalField.url, article.url),
                (JournalField.title, article.title),
            ]
        }
        if let story = event.story {
            fields.append((JournalField.story, String(story.id)))
            if event.article == nil { fields.append((JournalField.title, story.title)) }
        }
        if let source = event.source {
            fields.append((JournalField.feed, source.feed))
            if let error = source.error { fields.append((JournalField.error, error)) }
        }
        return (message(for: event, outlet: outlet), event.type.priority, fields)
    }

    func message(for event: Event, outlet: String?) -> String {
        let name = outlet.map { outletNames[$0] ?? $0 } ?? "?"
        switch event.type {
        case .articleNew:
            return "New article from \(name): \(event.article?.title ?? "")"
        case .articleUpdated:
            let what = (event.changes ?? []).joined(separator: " and ")
            return "Article from \(name) updated\(what.isEmpty ? "" : " (\(what))"): \(event.article?.title ?? "")"
        case .storyNew:
            return "New story: \(event.story?.title ?? "")"
        case .storyUpdated:
            let story = event.story
            let outlets = story?.outlets?.count ?? 0
            return "Story updated: \(story?.title ?? "") (\(story?.articles ?? 0) articles, "
                + "\(outlets) outlet\(outlets == 1 ? "" : "s"))"
        case .sourceFailed:
            let retry = event.source?.retryIn.map { "; retrying in \(DurationWords.describe(seconds: $0))" } ?? ""
            return "Feed of \(name) is failing: \(event.source?.error ?? "unknown error")\(retry)"
        case .sourceRecovered:
            return "Feed of \(name) works again: \(event.source?.feed ?? "")"
        case .sourceDisabled:
            return "Feed of \(name) is gone and no longer polled: \(event.source?.error ?? "")"
        }
    }
}

/// Durations for people: `45 s`, `12 min`, `3 h 5 min`.
enum DurationWords {
    static func describe(seconds: Int) -> String {
        if seconds < 120 { return "\(seconds) s" }
        if seconds < 7200 { return "\(seconds / 60) min" }
        let minutes = seconds / 60 % 60
        return "\(seconds / 3600) h" + (minutes > 0 ? " \(minutes) min" : "")
    }
}
