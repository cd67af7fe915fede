/// Decides whether nominally plain text is really HTML, conservatively (as feedparser does): it
/// must hold an end tag or a character reference, every tag must be a known HTML element and
/// every named reference a known HTML entity.
enum HTMLDetection {
    static func looksLikeHTML(_ text: String) -> Bool {
        guard text.containsByte(UInt8(ascii: "<")) || text.containsByte(UInt8(ascii: "&")) else { return false }
        let bytes = Array(text.utf8)
        var hasEndTag = false
        var hasReference = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                var cursor = index + 1
                let isEnd = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "/")
                if isEnd { cursor += 1 }
                let start = cursor
                while cursor < bytes.count, isWordByte(bytes[cursor]) { cursor += 1 }
                if cursor > start {
                    let known = bytes.withUnsafeBytes { raw in
                        NameKey(raw, start..<cursor).map(HTMLVocabulary.knownElements.contains) ?? false
                    }
                    guard known else { return false }
                    if isEnd, cursor < bytes.count, bytes[cursor] == UInt8(ascii: ">") { hasEndTag = true }
                }
                index = max(cursor, index + 1)
            } else if byte == UInt8(ascii: "&") {
                var cursor = index + 1
                let numeric = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "#")
                if numeric { cursor += 1 }
                let start = cursor
                while cursor < bytes.count, isWordByte(bytes[cursor]) { cursor += 1 }
                if cursor > start, cursor < bytes.count, bytes[cursor] == UInt8(ascii: ";") {
                    hasReference = true
                    if !numeric {
                        let name = bytes[start..<cursor]
                        let known = name.withUnsafeBytes { HTMLEntities.scalar(named: $0) } != nil
                        if !known { return false }
                    }
                }
                index = max(cursor, index + 1)
            } else {
                index += 1
            }
        }
        return hasEndTag || hasReference
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        HTMLText.isASCIILetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "_") || byte >= 0x80
    }
}

/// HTML element names the parser accepts as markup in feeds.
enum HTMLVocabulary {
    static let knownElements = NameKey.set([
        "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "big", "blockquote", "br",
        "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "command", "datagrid",
        "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "event-source",
        "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "i", "img", "input", "ins", "kbd", "keygen", "label", "legend", "li", "m", "map",
        "menu", "meter", "multicol", "nav", "nextid", "noscript", "ol", "optgroup", "option", "output", "p",
        "pre", "progress", "q", "s", "samp", "section", "select", "small", "sound", "source", "spacer", "span",
        "strike", "strong", "sub", "sup", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "time",
        "tr", "tt", "u", "ul", "var", "video",
    ])
}
