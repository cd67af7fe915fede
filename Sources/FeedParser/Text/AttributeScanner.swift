/// Walks the attributes of a tag whose name ends at `cursor`, as byte ranges.
struct AttributeScanner {
    /// One attribute: its name and value (empty for a bare attribute), quotes excluded.
    struct Attribute {
        let name: Range<Int>
        let value: Range<Int>
    }

    let input: UnsafeRawBufferPointer
    var cursor: Int

    /// The next attribute, or nil at the end of the tag (the cursor then points at `>`).
    mutating func next() -> Attribute? {
        let count = input.count
        while cursor < count {
            while cursor < count, Self.isSpace(input[cursor]) || input[cursor] == UInt8(ascii: "/") { cursor += 1 }
            guard cursor < count, input[cursor] != UInt8(ascii: ">") else { return nil }
            let nameStart = cursor
            while cursor < count, !Self.isSpace(input[cursor]), input[cursor] != UInt8(ascii: "="),
                input[cursor] != UInt8(ascii: ">")
            { cursor += 1 }
            let name = nameStart..<cursor
            while cursor < count, Self.isSpace(input[cursor]) { cursor += 1 }
            var value = cursor..<cursor
            if cursor < count, input[cursor] == UInt8(ascii: "=") {
                cursor += 1
                while cursor < count, Self.isSpace(input[cursor]) { cursor += 1 }
                if cursor < count, input[cursor] == UInt8(ascii: "\"") || input[cursor] == UInt8(ascii: "'") {
                    let quote = input[cursor]
                    let start = cursor + 1
                    cursor = start
                    while cursor < count, input[cursor] != quote { cursor += 1 }
                    value = start..<cursor
                    if cursor < count { cursor += 1 }
                } else {
                    let start = cursor
                    while cursor < count, !Self.isSpace(input[cursor]), input[cursor] != UInt8(ascii: ">") {
                        cursor += 1
                    }
                    value = start..<cursor
                }
            }
            if name.isEmpty {
                if cursor == nameStart { cursor += 1 }
                continue
            }
            return Attribute(name: name, value: value)
        }
        return nil
    }

    /// Skips the remaining attributes; returns the index after the tag's `>`.
    mutating func skipToEnd() -> Int {
        while next() != nil {}
        return min(cursor + 1, input.count)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
}
