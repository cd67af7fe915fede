import Logging

/// A `LogHandler` that writes through `JournalWriter`: structured journal entries under
/// systemd, readable lines on a terminal. Metadata becomes `NEWSWIRE_*` fields.
struct DaemonLogHandler: LogHandler {
    let writer: JournalWriter
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let details = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let fields = merged.sorted { $0.key < $1.key }.map { ("NEWSWIRE_" + $0.key.uppercased(), "\($0.value)") }
        let text = details.isEmpty ? "\(event.message)" : "\(event.message): \(details)"
        writer.send(message: text, priority: Self.priority(event.level), fields: writer.isJournal ? fields : [])
    }

    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}
