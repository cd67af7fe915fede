/// The names of the journal fields the daemon writes: `journalctl NEWSWIRE_OUTLET=aljazeera`.
public enum JournalField {
    public static let event = "NEWSWIRE_EVENT"
    public static let seq = "NEWSWIRE_SEQ"
    public static let outlet = "NEWSWIRE_OUTLET"
    public static let article = "NEWSWIRE_ARTICLE"
    public static let story = "NEWSWIRE_STORY"
    public static let url = "NEWSWIRE_URL"
    public static let title = "NEWSWIRE_TITLE"
    public static let feed = "NEWSWIRE_FEED"
    public static let error = "NEWSWIRE_ERROR"
}
