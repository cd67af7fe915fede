import Logging
import Synchronization

/// Log lines a test captured, in order.
final class CapturedLines: Sendable {
    struct Line: Equatable {
        var level: Logger.Level
        var message: String
    }
    private let lines = Mutex<[Line]>([])
    var all: [Line] { lines.withLock { $0 } }
    func append(_ line: Line) { lines.withLock { $0.append(line) } }
}

/// A log handler that keeps every line in a `CapturedLines`.
struct CapturingHandler: LogHandler {
    let lines: CapturedLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lines.append(.init(level: event.level, message: "\(event.message)"))
    }
}
