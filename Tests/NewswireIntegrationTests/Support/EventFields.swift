/// Fields of an event line parsed by `EventSubscriber`.
extension Dictionary where Key == String, Value == any Sendable {
    /// The title of the event's article ("" when it has none).
    var articleTitle: String { ((self["article"] as? [String: any Sendable])?["title"] as? String) ?? "" }
    /// The id of the event's story, if it names one.
    var storyID: Int64? { (self["story"] as? [String: any Sendable])?["id"] as? Int64 }
}
