import Foundation

/// Reads the encoding hints a document carries: a byte-order mark, the bytes of a BOM-less UTF-16
/// or UTF-32 `<?xml`, and the `encoding` pseudo-attribute of the XML declaration; and the charset
/// parameter of an HTTP `Content-Type`.
enum CharsetSniffing {
    /// A byte-order mark found at the start of a document.
    struct ByteOrderMark: Equatable {
        let charset: Charset
        let length: Int
    }

    /// The BOM at the start of `bytes`, or the encoding family implied by `<?` written in
    /// UTF-16/32 or EBCDIC (a BOM-less guess has `length` 0).
    static func byteOrderMark(_ bytes: UnsafeRawBufferPointer) -> ByteOrderMark? {
        func at(_ index: Int) -> UInt8 { index < bytes.count ? bytes[index] : 0xAA }
        let b0 = at(0), b1 = at(1), b2 = at(2), b3 = at(3)
        switch (b0, b1, b2, b3) {
        case (0x00, 0x00, 0xFE, 0xFF): return ByteOrderMark(charset: .utf32BigEndian, length: 4)
        case (0xFF, 0xFE, 0x00, 0x00): return ByteOrderMark(charset: .utf32LittleEndian, length: 4)
        case (0xFE, 0xFF, _, _): return ByteOrderMark(charset: .utf16BigEndian, length: 2)
        case (0xFF, 0xFE, _, _): return ByteOrderMark(charset: .utf16LittleEndian, length: 2)
        case (0xEF, 0xBB, 0xBF, _): return ByteOrderMark(charset: .utf8, length: 3)
        case (0x00, 0x3C, 0x00, 0x3F): return ByteOrderMark(charset: .utf16BigEndian, length: 0)
        case (0x3C, 0x00, 0x3F, 0x00): return ByteOrderMark(charset: .utf16LittleEndian, length: 0)
        case (0x00, 0x00, 0x00, 0x3C): return ByteOrderMark(charset: .utf32BigEndian, length: 0)
        case (0x3C, 0x00, 0x00, 0x00): return ByteOrderMark(charset: .utf32LittleEndian, length: 0)
        case (0x4C, 0x6F, 0xA7, 0x94): return ByteOrderMark(charset: .iconv("CP037"), length: 0)
        default: return nil
        }
    }

    /// The `encoding="…"` of an XML declaration at the start of ASCII-compatible `bytes`.
    static func declaredEncoding(_ bytes: UnsafeRawBufferPointer) -> String? {
        var index = 0
        let limit = min(bytes.count, 512)
        while index < limit, isSpace(bytes[index]) { index += 1 }
        guard matches(bytes, at: index, "<?xml") else { return nil }
        var end = index + 5
        while end + 1 < limit, !(bytes[end] == UInt8(ascii: "?") && bytes[end + 1] == UInt8(ascii: ">")) { end += 1 }
        guard end + 1 < limit else { return nil }
        var cursor = index + 5
        while cursor + 8 <= end {
            if matches(bytes, at: cursor, "encoding") {
                cursor += 8
                while cursor < end, isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < end, bytes[cursor] == UInt8(ascii: "=") else { return nil }
                cursor += 1
                while cursor < end, isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < end, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") else {
                    return nil
                }
                let quote = bytes[cursor]
                let start = cursor + 1
                var stop = start
                while stop < end, bytes[stop] != quote { stop += 1 }
                let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self)
                return name.isEmpty ? nil : name
            }
            cursor += 1
        }
        return nil
    }

    /// The `charset` parameter of a `Content-Type` header value.
    static func httpCharset(_ contentType: String?) -> String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2,
                pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset"
            else { continue }
            let value = pair[1].trimmingCharacters(in: .whitespaces)
                .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func matches(_ bytes: UnsafeRawBufferPointer, at index: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pattern = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for offset in 0..<count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }
}
