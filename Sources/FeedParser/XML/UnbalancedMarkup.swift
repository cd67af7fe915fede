/// Finds text elements (`<description>`, `<title>`, `<summary>`, `<content:encoded>`…) whose
/// content is HTML that is not well-formed XML (`<br>`, an unclosed `<b>`), the most common
/// way feeds break. XML parsers then lose track of the element structure and swallow the rest
/// of the feed into one field; wrapping such content in CDATA keeps it as the HTML it is.
enum UnbalancedMarkup {
    /// What the content of a text element is, as far as the repair cares.
    enum Content: Equatable {
        /// Markup that does not balance (and no CDATA section): to be wrapped in CDATA.
        case unbalanced(Range<Int>)
        /// Text alone, up to the element's end tag.
        case text(Range<Int>)
    }

    /// For the start tag at `index` of a text element: its content when that is plain text or
    /// markup that does not balance, else nil. Searching for end tags reads ahead, so each call
    /// charges what it read to `budget`: a hostile document (thousands of unclosed `<title>`s)
    /// cannot make the repair quadratic.
    static func content(_ input: UnsafeRawBufferPointer, tagAt index: Int, budget: inout Int) -> Content? {
        guard budget > 0 else { return nil }
        let count = input.count
        var cursor = index + 1
        let nameStart = cursor
        while cursor < count, isNameByte(input[cursor]) { cursor += 1 }
        let qualifiedName = nameStart..<cursor
        var localStart = nameStart
        for position in qualifiedName where input[position] == UInt8(ascii: ":") { localStart = position + 1 }
        guard isTextElement(input, localStart..<cursor) else { return nil }
        // The end of the start tag, quotes respected; `type="xhtml"` content is left to XML.
        var quote: UInt8 = 0
        while cursor < count {
            let byte = input[cursor]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                break
            }
            cursor += 1
        }
        guard cursor < count, input[cursor - 1] != UInt8(ascii: "/") else { return nil }
        if HTMLText.find(UnsafeRawBufferPointer(rebasing: input[index..<cursor]), "xhtml", from: 0) != nil {
            return nil
        }
        let contentStart = cursor + 1
        // Plain content: the first `<` after the start tag is the end tag.
        // Content that opens with a CDATA section (the usual way to embed HTML) is never repaired.
        guard let firstMarkup = ByteSearch.index(of: UInt8(ascii: "<"), in: input, from: contentStart) else {
            return nil
        }
        if isEndTag(input, at: firstMarkup, named: qualifiedName) {
            return firstMarkup > contentStart ? .text(contentStart..<firstMarkup) : nil
        }
        guard !ByteSearch.hasLiteral("<![CDATA[", in: input, at: firstMarkup) else { return nil }
        let contentEnd = endTag(input, named: qualifiedName, from: contentStart)
        budget -= (contentEnd ?? input.count) - contentStart
        guard let contentEnd, budget > 0 else { return nil }
        let content = UnsafeRawBufferPointer(rebasing: input[contentStart..<contentEnd])
        guard content.contains(UInt8(ascii: "<")), HTMLText.find(content, "<![CDATA[", from: 0) == nil,
            !isBalanced(content)
        else { return nil }
        return .unbalanced(contentStart..<contentEnd)
    }

    /// `content` as a CDATA section (a `]]>` inside splits the section).
    static func cdata(_ content: UnsafeRawBufferPointer) -> [UInt8] {
        var output = Array("<![CDATA[".utf8)
        output.reserveCapacity(content.count + 16)
        var index = 0
        while index < content.count {
            if index + 2 < content.count, content[index] == UInt8(ascii: "]"), content[index + 1] == UInt8(ascii: "]"),
                content[index + 2] == UInt8(ascii: ">")
            {
                output.append(contentsOf: "]]]]><![CDATA[>".utf8)
                index += 3
            } else {
                output.append(content[index])
                index += 1
            }
        }
        output.append(contentsOf: "]]>".utf8)
        return output
    }

    /// Whether the local name is `title`, `description`, `summary`, `encoded`, `subtitle` or
    /// `content`, ASCII case aside; compared in place, as this runs for every start tag.
    private static func isTextElement(_ input: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        func matches(_ name: StaticString) -> Bool {
            let pattern = name.utf8Start
            for offset in 0..<name.utf8CodeUnitCount where input[range.lowerBound + offset] | 0x20 != pattern[offset] {
                return false
            }
            return true
        }
        switch range.count {
        case 5: return matches("title")
        case 7: return matches("summary") || matches("encoded") || matches("content")
        case 8: return matches("subtitle")
        case 11: return matches("description")
        default: return false
        }
    }

    /// The index of `</name>` after `start`, or nil.
    private static func endTag(_ input: UnsafeRawBufferPointer, named name: Range<Int>, from start: Int) -> Int? {
        var cursor = start
        while let open = HTMLText.find(input, "</", from: cursor) {
            if isEndTag(input, at: open, named: name) { return open }
            cursor = open + 2
        }
        return nil
    }

    /// Whether `</name>` (white space allowed before `>`) starts at `index`.
    private static func isEndTag(_ input: UnsafeRawBufferPointer, at index: Int, named name: Range<Int>) -> Bool {
        var position = index + 2
        guard position <= input.count, input[index + 1] == UInt8(ascii: "/") else { return false }
        for offset in name {
            guard position < input.count, input[position] == input[offset] else { return false }
            position += 1
        }
        while position < input.count, input[position] == 0x20 || input[position] == 0x0A { position += 1 }
        return position < input.count && input[position] == UInt8(ascii: ">")
    }

    /// Whether every start tag in `content` has its end tag, in order (comments skipped).
    private static func isBalanced(_ content: UnsafeRawBufferPointer) -> Bool {
        var open: [NameKey] = []
        var index = 0
        while let start = HTMLText.find(content, "<", from: index) {
            var cursor = start + 1
            guard cursor < content.count else { return false }
            if content[cursor] == UInt8(ascii: "!") {
                guard let end = HTMLText.find(content, "-->", from: cursor) else { return false }
                index = end + 3
                continue
            }
            let isEnd = content[cursor] == UInt8(ascii: "/")
            if isEnd { cursor += 1 }
            let nameStart = cursor
            while cursor < content.count, isNameByte(content[cursor]) { cursor += 1 }
            guard cursor > nameStart, let name = NameKey(content, nameStart..<cursor) else { return false }
            guard let close = HTMLText.find(content, ">", from: cursor) else { return false }
            if isEnd {
                guard open.last == name else { return false }
                open.removeLast()
            } else if content[close - 1] != UInt8(ascii: "/") {
                open.append(name)
            }
            index = close + 1
        }
        return open.isEmpty
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        HTMLText.isNameByte(byte) || byte == UInt8(ascii: ".")
    }
}
