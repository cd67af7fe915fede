import NewswireProtocol
import NewswireStore

/// An event committed to the store, ready to go to subscribers and the journal.
struct EmittedEvent: Sendable {
    var event: Event
    var stored: StoredEvent
    /// The outlet the event concerns (for story events, the outlet whose article caused it).
    var outlet: String?
}

extension StoreAccess {
    /// Stores `event` (its `seq` is assigned here) and returns it with its wire line; its article's
    /// members come from `encodedArticle` when that was written ahead.
    func emit(
        _ event: Event, outlet: String?, encodedArticle: EncodedArticlePayload? = nil
    ) throws -> EmittedEvent {
        var event = event
        let stored = try appendEvent(type: event.type.rawValue, time: event.time, outlet: outlet) { seq in
            event.seq = seq
            let line = event.line(encodedArticle: encodedArticle)
            assert(line == event.line, "an article's payload written ahead differs from its event's")
            return line
        }
        return EmittedEvent(event: event, stored: stored, outlet: outlet)
    }
}
