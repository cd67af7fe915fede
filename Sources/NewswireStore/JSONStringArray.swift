import Foundation

/// The JSON arrays of strings stored in text columns (authors, outlets, brief, join terms).
///
/// Written exactly as a default `JSONEncoder` writes them (`/` escaped as `\/`), and read with a
/// scan when no string holds an escape, which is nearly always; anything else goes to
/// `JSONDecoder`. A new encoder or decoder for each of a poll's hundreds of thousands of these was
/// a tenth of its cost.
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

    /// `["a","b"]` as written by `encode` with no escape inside; nil for anything else.
    private static func scan(_ text: String) -> [String]? {
        let bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]"),
            !bytes.contains(UInt8(ascii: "\\"))
        else { return nil }
        var strings: [String] = []
        var index = 1
        let end = bytes.count - 1
        while index < end {
            if !strings.isEmpty {
                guard bytes[index] == UInt8(ascii: ",") else { return nil }
                index += 1
            }
            guard index < end, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let start = index + 1
            guard let close = bytes[start..<end].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            strings.append(String(decoding: bytes[start..<close], as: UTF8.self))
            index = close + 1
        }
        return strings
    }
}
