public import Foundation
import Synchronization

/// JSON Lines encoding shared by the daemon and its clients.
public enum WireCoding {
    /// An encoder producing one-line JSON with RFC 3339 UTC dates and stable key order.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RFC3339.format(date))
        }
        return encoder
    }

    /// A decoder for the lines the daemon sends.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = RFC3339.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an RFC 3339 date: \(text)")
            }
            return date
        }
        return decoder
    }

    /// Encodes a value as one line (without the newline).
    public static func line(_ value: some Encodable) -> String {
        guard let data = try? makeEncoder().encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// RFC 3339 timestamps in UTC with whole seconds (`2026-11-25T12:00:00Z`).
public enum RFC3339 {
    private static let style = Date.ISO8601FormatStyle(timeZone: .gmt)

    /// The last event time formatted and its text: every event of a feed's batch has the same time.
    private static let lastEventTime = Mutex<(date: Date, text: String)?>(nil)

    /// Formats `date` in UTC.
    public static func format(_ date: Date) -> String {
        style.format(date)
    }

    /// Formats an event's time, which is most often the one formatted last.
    static func formatEventTime(_ date: Date) -> String {
        if let hit = lastEventTime.withLock({ $0?.date == date ? $0?.text : nil }) { return hit }
        let text = style.format(date)
        lastEventTime.withLock { $0 = (date, text) }
        return text
    }

    /// Parses an RFC 3339 timestamp, with or without fractional seconds.
    public static func parse(_ text: String) -> Date? {
        if let date = try? style.parse(text) { return date }
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt).parse(text)
    }
}
