import Foundation

extension String {
    /// The string without leading and trailing whitespace (Unicode white space included).
    func trimmingWhitespace() -> String {
        let bounds = utf8.withContiguousStorageIfAvailable { storage -> (Int, Int)? in
            var start = 0
            var end = storage.count
            while start < end, Self.isASCIISpace(storage[start]) { start += 1 }
            while end > start, Self.isASCIISpace(storage[end - 1]) { end -= 1 }
            // A non-ASCII character at either end may be Unicode white space: the slow path decides.
            if start < end, storage[start] >= 0x80 || storage[end - 1] >= 0x80 { return nil }
            return (start, end)
        }
        if let (start, end) = bounds ?? nil {
            if start == 0, end == utf8.count { return self }
            return withUTF8Bytes { String(decoding: $0[start..<end], as: UTF8.self) }
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    /// Whether the UTF-8 form holds `byte` (a memchr, not a walk over `utf8`).
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable {
            ByteSearch.index(of: byte, in: UnsafeRawBufferPointer($0), from: 0) != nil
        }
            ?? utf8.contains(byte)
    }

    /// Undoes what broken publishers do to query strings in links: `&amp;` left escaped (when
    /// `ampersands`) and `&name;` written for `&name` (read as an entity reference).
    func replacingLinkEntityArtifacts(ampersands: Bool) -> String {
        guard containsByte(UInt8(ascii: "&")) else { return self }
        return withUTF8Bytes { input in
            var output: [UInt8] = []
            output.reserveCapacity(input.count)
            var index = 0
            while index < input.count {
                guard input[index] == UInt8(ascii: "&") else {
                    output.append(input[index])
                    index += 1
                    continue
                }
                output.append(UInt8(ascii: "&"))
                var cursor = index + 1
                if ampersands, cursor + 4 <= input.count, input[cursor..<(cursor + 4)].elementsEqual("amp;".utf8) {
                    cursor += 4
                }
                var end = cursor
                while end < input.count, Self.isWordByte(input[end]) { end += 1 }
                if end > cursor, end < input.count, input[end] == UInt8(ascii: ";") {
                    output.append(contentsOf: input[cursor..<end])
                    index = end + 1
                } else {
                    index = cursor
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Calls `body` with the UTF-8 bytes (copied only for a non-contiguous string).
    private func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        let bytes = Array(utf8)
        return bytes.withUnsafeBufferPointer(body)
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }
}
