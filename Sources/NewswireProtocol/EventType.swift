/// The kinds of event the daemon emits, on the socket and in the journal.
public enum EventType: String, Sendable, Codable, CaseIterable {
    case articleNew = "article.new"
    case articleUpdated = "article.updated"
    case storyNew = "story.new"
    case storyUpdated = "story.updated"
    /// A feed that was healthy failed (the first failure of a run of failures).
    case sourceFailed = "source.failed"
    /// A feed that was failing answered again.
    case sourceRecovered = "source.recovered"
    /// A feed answered 410 Gone and is no longer polled.
    case sourceDisabled = "source.disabled"

    /// The journal's MESSAGE_ID for this event type: fixed forever, listed in `systemd/newswired.catalog`.
    public var messageID: String {
        switch self {
        case .articleNew: "8d1c5b3e0a4f4c6e9b2d7a1f3e5c9b01"
        case .articleUpdated: "8d1c5b3e0a4f4c6e9b2d7a1f3e5c9b02"
        case .storyNew: "8d1c5b3e0a4f4c6e9b2d7a1f3e5c9b03"
        case .storyUpdated: "8d1c5b3e0a4f4c6e9b2d7a1f3e5c9b04"
        case .sourceFailed: "8d1c5b3e0a4f4c6e9b2d7a1f3e5c9b05"
        case .sourceRecovered: "8d1c5b3e0a4f4c6e9b2d7a1f3e5c9b06"
        case .sourceDisabled: "8d1c5b3e0a4f4c6e9b2d7a1f3e5c9b07"
        }
    }

    /// syslog priority of the journal entry: notice for news, warning for failures.
    public var priority: Int {
        switch self {
        case .articleNew, .storyNew, .sourceRecovered: 5
        case .articleUpdated, .storyUpdated: 6
        case .sourceFailed, .sourceDisabled: 4
        }
    }
}
