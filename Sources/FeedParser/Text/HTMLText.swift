/// Turns HTML into clean text at byte level: tags dropped (block-level ones leave a space),
/// `script`/`style`/… content dropped, comments dropped, character references decoded, and
/// every run of white space (Unicode spaces included) folded into one space, trimmed.
enum HTMLText {
    /// The clean text of an HTML fragment.
    static func plainText(fromHTML html: String) -> String {
        var html = html
        return html.withUTF8 { plainText(fromHTML: UnsafeRawBufferPointer($0)) }
    }

    /// The clean text of an HTML fragment given as UTF-8 bytes.
    static func plainText(fromHTML input: UnsafeRawBufferPointer) -> String {
        var writer = FoldingWriter(capacity: input.count)
        var index = 0
        let count = input.count
        while index < count {
            let byte = input[index]
            switch byte {
            case UInt8(ascii: "<"):
                index = skipMarkup(input, at: index, writer: &writer)
            case UInt8(ascii: "&"):
                index = CharacterReferences.decode(input, at: index) { writer.append(scalar: $0) }
            default:
                writer.append(byte: byte)
                index += 1
            }
        }
        return writer.finish()
    }

    /// Folds plain text's white space the same way, without touching markup characters.
    static func foldingWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var writer = FoldingWriter(capacity: bytes.count)
            for byte in bytes { writer.append(byte: byte) }
            return writer.finish()
        }
    }

    /// Skips the markup at `index` (a tag, comment, declaration or raw-text element); returns
    /// the index after it. A `<` that starts no markup is written out as text.
    private static func skipMarkup(_ input: UnsafeRawBufferPointer, at index: Int,
                                   writer: inout FoldingWriter) -> Int {
        let count = input.count
        guard index + 1 < count else {
            writer.append(byte: UInt8(ascii: "<"))
            return count
        }
        let next = input[index + 1]
        if next == UInt8(ascii: "!") {
            if index + 3 < count, input[index + 2] == UInt8(ascii: "-"), input[index + 3] == UInt8(ascii: "-") {
                return find(input, "-->", from: index + 4).map { $0 + 3 } ?? count
            }
            return find(input, ">", from: index + 2).map { $0 + 1 } ?? count
        }
        if next == UInt8(ascii: "?") { return find(input, ">", from: index + 2).map { $0 + 1 } ?? count }
        let isEnd = next == UInt8(ascii: "/")
        let nameStart = index + (isEnd ? 2 : 1)
        guard nameStart < count, isASCIILetter(input[nameStart]) else {
            writer.append(byte: UInt8(ascii: "<"))
            return index + 1
        }
        var nameEnd = nameStart
        while nameEnd < count, isNameByte(input[nameEnd]) { nameEnd += 1 }
        let name = TagName(input, nameStart..<nameEnd)
        let tagEnd = endOfTag(input, from: nameEnd)
        if name.isBlock { writer.separate() }
        if !isEnd, name.hasRawText {
            // Skip to the matching end tag.
            var cursor = tagEnd
            while let open = find(input, "</", from: cursor) {
                let start = open + 2
                var end = start
                while end < count, isNameByte(input[end]) { end += 1 }
                if TagName(input, start..<end) == name { return endOfTag(input, from: end) }
                cursor = open + 2
            }
            return count
        }
        return tagEnd
    }

    /// The index after the `>` closing a tag whose name ends at `index`, quotes respected.
    private static func endOfTag(_ input: UnsafeRawBufferPointer, from index: Int) -> Int {
        var quote: UInt8 = 0
        var cursor = index
        while cursor < input.count {
            let byte = input[cursor]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return cursor + 1
            }
            cursor += 1
        }
        return input.count
    }

    static func find(_ input: UnsafeRawBufferPointer, _ literal: StaticString, from start: Int) -> Int? {
        let pattern = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        var cursor = start
        while cursor + pattern.count <= input.count {
            if input[cursor] == pattern[0] {
                var matched = true
                for offset in 1..<pattern.count where input[cursor + offset] != pattern[offset] {
                    matched = false
                    break
                }
                if matched { return cursor }
            }
            cursor += 1
        }
        return nil
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }

    static func isNameByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "_")
    }
}
