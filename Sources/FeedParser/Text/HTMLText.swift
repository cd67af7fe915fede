/// Turns HTML into clean text at byte level: tags dropped (block-level ones leave a space),
/// `script`/`style`/… content dropped, comments dropped, character references decoded, and
/// every run of white space (Unicode spaces included) folded into one space, trimmed.
enum HTMLText {
    /// The clean text of an HTML fragment.
    static func plainText(fromHTML html: String) -> String {
        var html = html
        return html.withUTF8 { plainText(fromHTML: UnsafeRawBufferPointer($0)) }
    }

    /// The clean text of an HTML fragment given as UTF-8 bytes, written straight into the
    /// string's storage (the text is never longer than the HTML).
    static func plainText(fromHTML input: UnsafeRawBufferPointer) -> String {
        guard !input.isEmpty else { return "" }
        return String(unsafeUninitializedCapacity: input.count) { buffer in
            var writer = FoldingWriter(into: buffer)
            var index = 0
            let count = input.count
            while index < count {
                switch input[index] {
                case UInt8(ascii: "<"):
                    index = skipMarkup(input, at: index, writer: &writer)
                case UInt8(ascii: "&"):
                    index = CharacterReferences.decode(input, at: index) { writer.append(scalar: $0) }
                default:
                    index = writer.appendText(input, from: index)
                }
            }
            return writer.finish()
        }
    }

    /// Folds plain text's white space the same way, without reading markup.
    static func foldingWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            let input = UnsafeRawBufferPointer(bytes)
            guard !input.isEmpty else { return "" }
            return String(unsafeUninitializedCapacity: input.count) { buffer in
                var writer = FoldingWriter(into: buffer)
                _ = writer.appendText(input, from: 0, stopAtMarkup: false)
                return writer.finish()
            }
        }
    }

    /// Skips the markup at `index` (a tag, comment, declaration or raw-text element); returns
    /// the index after it. A `<` that starts no markup is written out as text.
    private static func skipMarkup(
        _ input: UnsafeRawBufferPointer, at index: Int,
        writer: inout FoldingWriter
    ) -> Int {
        let count = input.count
        guard index + 1 < count else {
            writer.append(scalar: UInt32(UInt8(ascii: "<")))
            return count
        }
        let next = input[index + 1]
        if next == UInt8(ascii: ">") { return index + 2 }  // `<>`, an empty tag in SGML terms
        if next == UInt8(ascii: "!") {
            if index + 3 < count, input[index + 2] == UInt8(ascii: "-"), input[index + 3] == UInt8(ascii: "-") {
                return find(input, "-->", from: index + 4).map { $0 + 3 } ?? count
            }
            // A declaration (`<!DOCTYPE …>`, `<![CDATA[…]]>`) when it is one; otherwise text.
            if index + 2 < count, isASCIILetter(input[index + 2]) || input[index + 2] == UInt8(ascii: "["),
                let end = find(input, ">", from: index + 2)
            {
                return end + 1
            }
            writer.append(scalar: UInt32(UInt8(ascii: "<")))
            return index + 1
        }
        if next == UInt8(ascii: "?"), let end = find(input, ">", from: index + 2) { return end + 1 }
        let isEnd = next == UInt8(ascii: "/")
        let nameStart = index + (isEnd ? 2 : 1)
        guard nameStart < count, isASCIILetter(input[nameStart]) else {
            writer.append(scalar: UInt32(UInt8(ascii: "<")))
            return index + 1
        }
        var nameEnd = nameStart
        while nameEnd < count, isNameByte(input[nameEnd]) { nameEnd += 1 }
        let name = TagName.key(input, nameStart..<nameEnd)
        let tagEnd = endOfTag(input, from: nameEnd)
        guard let name else { return tagEnd }
        if TagName.blocks.contains(name) { writer.separate() }
        if !isEnd, TagName.rawText.contains(name) {
            // Skip to the matching end tag.
            var cursor = tagEnd
            while let open = find(input, "</", from: cursor) {
                let start = open + 2
                var end = start
                while end < count, isNameByte(input[end]) { end += 1 }
                if TagName.key(input, start..<end) == name { return endOfTag(input, from: end) }
                cursor = open + 2
            }
            return count
        }
        return tagEnd
    }

    /// The index after the `>` closing a tag whose name ends at `index`. Quotes count only where
    /// they open an attribute value (`name="…"`); a stray quote inside an unquoted value does not.
    private static func endOfTag(_ input: UnsafeRawBufferPointer, from index: Int) -> Int {
        let count = input.count
        var cursor = index
        var afterEquals = false
        while cursor < count {
            let byte = input[cursor]
            switch byte {
            case UInt8(ascii: ">"):
                return cursor + 1
            case UInt8(ascii: "="):
                afterEquals = true
                cursor += 1
            case 0x20, 0x09, 0x0A, 0x0C, 0x0D:
                cursor += 1
            case let quote where afterEquals && (quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'")):
                afterEquals = false
                var close = cursor + 1
                while close < count, input[close] != byte { close += 1 }
                cursor = close + 1
            default:
                if afterEquals {
                    // An unquoted value runs to white space or `>`.
                    while cursor < count, input[cursor] > 0x20, input[cursor] != UInt8(ascii: ">") { cursor += 1 }
                    afterEquals = false
                } else {
                    cursor += 1
                }
            }
        }
        return count
    }

    /// The index of the first occurrence of `literal` in `input` at or after `start`.
    @inline(__always)
    static func find(_ input: UnsafeRawBufferPointer, _ literal: StaticString, from start: Int) -> Int? {
        ByteSearch.index(of: literal, in: input, from: start)
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "_")
    }
}
