/// Reads the dates feeds publish, by hand and without Foundation's formatters: RFC 822/1123
/// (with or without weekday, seconds or zone; named zones; two-digit years; day and month in
/// either order; months in several languages), asctime, and ISO 8601 / W3C-DTF (partial dates,
/// fractions, `Z`, `±hh:mm`, `±hhmm`, a space for the `T`).
public enum FeedDateParser {
    /// Seconds since 1970 (UTC) of `text`, or nil when it is not a date or not a possible one.
    public static func secondsSince1970(_ text: String) -> Int? {
        if let seconds = text.utf8.withContiguousStorageIfAvailable(RFC1123FastPath.read) ?? nil { return seconds }
        var bytes = Array(text.utf8)
        while let last = bytes.last, isSpace(last) { bytes.removeLast() }
        let leading = bytes.firstIndex { !isSpace($0) } ?? bytes.count
        if leading > 0 { bytes.removeFirst(leading) }
        guard !bytes.isEmpty, bytes.count < 100 else { return nil }
        for index in bytes.indices where bytes[index] >= UInt8(ascii: "A") && bytes[index] <= UInt8(ascii: "Z") {
            bytes[index] |= 0x20
        }
        if bytes.count >= 4, bytes[0..<4].allSatisfy(isDigit) {
            var reader = ISODateReader(bytes: bytes)
            if let seconds = reader.read() { return seconds }
        }
        return RFC822DateReader(bytes: bytes).read()
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
}
