import Foundation

/// The JSON arrays of strings stored in text columns (authors, outlets, brief, join terms).
///
/// Written exactly as a default `JSONEncoder` writes them (`/` escaped as `\/`), and read with a
/// scan of that shape, escapes included; anything else (whitespace, say) goes to `JSONDecoder`.
/// A new encoder or decoder for each of a poll's hundreds of thousands of these was a tenth of
/// its cost.
enum JSONStringArray {
    static func encode(_ strings: [String]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(strings.reduce(2) { $0 + $1.utf8.count + 3 })
        bytes.append(UInt8(ascii: "["))
        for (index, string) in strings.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            var string = string
            string.withUTF8 { utf8 in
                // Runs that need no escape are copied whole.
                var start = 0
                for index in utf8.indices where needsEscape(utf8[index]) {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                    appendEscaped(utf8[index], to: &bytes)
                    start = index + 1
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    static func decode(_ text: String?) -> [String] {
        guard let text else { return [] }
        if let strings = scan(text) { return strings }
        return (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "/")
    }

    private static func appendEscaped(_ byte: UInt8, to bytes: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes += [UInt8(ascii: "\\"), byte]
        case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
        case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
        case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
        case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
        case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
        case 0..<0x20:
            bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")]
            bytes += [hexDigit(byte >> 4), hexDigit(byte & 0x0F)]
        default: bytes.append(byte)
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// `["a","b"]` as `encode` writes it (no whitespace; any JSON escape); nil for anything else.
    private static func scan(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { scan(utf8: $0) }
    }

    private static func scan(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]") else { return nil }
        var strings: [String] = []
        var index = 1
        let end = bytes.count - 1
        var current: [UInt8] = []
        while index < end {
            if !strings.isEmpty {
                guard bytes[index] == UInt8(ascii: ",") else { return nil }
                index += 1
            }
            guard index < end, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            current.removeAll(keepingCapacity: true)
            var closed = false
            while index < end {
                // Copy the run up to the next quote, backslash or (invalid) control character whole.
                var runEnd = index
                while runEnd < end, bytes[runEnd] >= 0x20, bytes[runEnd] != UInt8(ascii: "\""),
                    bytes[runEnd] != UInt8(ascii: "\\")
                {
                    runEnd += 1
                }
                current.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<runEnd]))
                index = runEnd
                guard index < end else { break }
                if bytes[index] == UInt8(ascii: "\"") {
                    closed = true
                    index += 1
                    break
                }
                guard bytes[index] == UInt8(ascii: "\\"), index + 1 < end,
                    let consumed = unescape(bytes, at: index + 1, end: end, into: &current)
                else { return nil }
                index += 1 + consumed
            }
            guard closed else { return nil }
            strings.append(String(decoding: current, as: UTF8.self))
        }
        return strings
    }

    /// Decodes the escape whose letter is at `index` into `out`; returns the bytes it took.
    private static func unescape(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int, into out: inout [UInt8]
    ) -> Int? {
        switch bytes[index] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(bytes[index])
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            guard let unit = hexUnit(bytes, at: index + 1, end: end) else { return nil }
            guard (0xD800..<0xE000).contains(unit) else {
                out.append(contentsOf: String(Character(Unicode.Scalar(unit)!)).utf8)
                return 5
            }
            // A surrogate pair: both halves, as \uD8xx\uDCxx.
            guard unit < 0xDC00, index + 6 < end, bytes[index + 5] == UInt8(ascii: "\\"),
                bytes[index + 6] == UInt8(ascii: "u"), let low = hexUnit(bytes, at: index + 7, end: end),
                (0xDC00..<0xE000).contains(low),
                let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
            else { return nil }
            out.append(contentsOf: String(Character(scalar)).utf8)
            return 11
        default: return nil
        }
        return 1
    }

    private static func hexUnit(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> UInt32? {
        guard index + 4 <= end else { return nil }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
