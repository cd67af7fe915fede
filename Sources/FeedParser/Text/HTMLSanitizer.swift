/// Keeps the harmless part of HTML: known elements with safe attributes. Scripts, styles and
/// applets go with their content; frames, objects, embeds and forms lose their tags; event-handler attributes (`on*`), `style`
/// and `javascript:`/`vbscript:`/`data:` URLs go; unknown elements are unwrapped (their text
/// stays); comments go. Relative `href`/`src` resolve against the entry's base.
enum HTMLSanitizer {
    /// Sanitized copy of an HTML fragment.
    static func sanitize(_ html: String, base: String?) -> String {
        var html = html
        return html.withUTF8 { sanitize(UnsafeRawBufferPointer($0), base: base) }
    }

    /// Escapes plain text so it reads the same as HTML.
    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default: output.append(character)
            }
        }
        return output
    }

    private static func sanitize(_ input: UnsafeRawBufferPointer, base: String?) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        let count = input.count
        while index < count {
            let byte = input[index]
            guard byte == UInt8(ascii: "<") else {
                output.append(byte)
                index += 1
                continue
            }
            if index + 1 < count, input[index + 1] == UInt8(ascii: ">") {
                index += 2
                continue
            }
            guard let tag = HTMLTag(input, at: index) else {
                if index + 3 < count, input[index + 1] == UInt8(ascii: "!"), input[index + 2] == UInt8(ascii: "-"),
                   input[index + 3] == UInt8(ascii: "-") {
                    index = HTMLText.find(input, "-->", from: index + 4).map { $0 + 3 } ?? count
                } else if index + 2 < count, input[index + 1] == UInt8(ascii: "!") || input[index + 1] == UInt8(ascii: "?"),
                          HTMLText.isASCIILetter(input[index + 2]) || input[index + 2] == UInt8(ascii: "["),
                          let end = HTMLText.find(input, ">", from: index + 1) {
                    index = end + 1
                } else {
                    output.append(contentsOf: "&lt;".utf8)
                    index += 1
                }
                continue
            }
            if !tag.isEnd, removedWithContent.contains(tag.name) {
                index = endOfElement(named: tag.name, input, from: tag.end)
                continue
            }
            index = tag.end
            guard allowedElements.contains(tag.name) else { continue }
            if tag.isEnd {
                if !voidElements.contains(tag.name) { output.append(contentsOf: "</\(tag.name)>".utf8) }
                continue
            }
            output.append(contentsOf: "<\(tag.name)".utf8)
            for (name, value) in tag.attributes where isAllowed(attribute: name, value: value) {
                let resolved = urlAttributes.contains(name) ? URLResolution.resolve(value, against: base) : value
                output.append(contentsOf: " \(name)=\"\(escapeAttribute(resolved))\"".utf8)
            }
            output.append(contentsOf: (voidElements.contains(tag.name) ? " />" : ">").utf8)
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func endOfElement(named name: String, _ input: UnsafeRawBufferPointer, from start: Int) -> Int {
        var cursor = start
        while let open = HTMLText.find(input, "</", from: cursor) {
            if let tag = HTMLTag(input, at: open), tag.isEnd, tag.name == name { return tag.end }
            cursor = open + 2
        }
        return input.count
    }

    private static func isAllowed(attribute name: String, value: String) -> Bool {
        guard allowedAttributes.contains(name) else { return false }
        guard urlAttributes.contains(name) else { return true }
        let scheme = value.drop(while: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } ?? false })
            .prefix(12).lowercased().filter { !$0.isWhitespace }
        return !(scheme.hasPrefix("javascript:") || scheme.hasPrefix("vbscript:") || scheme.hasPrefix("data:")
            || scheme.hasPrefix("livescript:"))
    }

    private static func escapeAttribute(_ value: String) -> String {
        var output = ""
        for character in value {
            switch character {
            case "&": output += "&amp;"
            case "\"": output += "&quot;"
            case "<": output += "&lt;"
            default: output.append(character)
            }
        }
        return output
    }

    /// Elements dropped with everything inside them; other disallowed elements (iframe, object,
    /// embed, form, meta…) are unwrapped: their tags go, their text stays.
    static let removedWithContent: Set<String> = TagName.rawText

    static let voidElements: Set<String> = ["br", "hr", "img", "col", "area", "source", "input", "wbr", "track"]

    static let allowedElements: Set<String> = HTMLVocabulary.knownElements
        .subtracting(["button", "input", "keygen", "select", "option", "optgroup", "textarea", "form", "noscript",
                      "datagrid", "event-source", "command", "dialog"])
        .union(["wbr", "picture", "mark", "track"])

    static let urlAttributes: Set<String> = ["href", "src", "cite", "poster", "longdesc", "background"]

    static let allowedAttributes: Set<String> = [
        "href", "src", "alt", "title", "width", "height", "cite", "datetime", "lang", "dir", "colspan",
        "rowspan", "align", "valign", "poster", "controls", "loop", "span", "start", "type", "reversed",
        "summary", "scope", "headers", "abbr", "hreflang", "rel", "longdesc", "border", "cellpadding",
        "cellspacing", "color", "face", "size", "nowrap", "char", "charoff", "label", "value", "name",
    ]
}

/// One HTML start or end tag read from bytes: its lowercased name and attributes (values with
/// character references decoded).
struct HTMLTag {
    let name: String
    let isEnd: Bool
    let attributes: [(String, String)]
    /// Index after the tag's `>`.
    let end: Int

    init?(_ input: UnsafeRawBufferPointer, at index: Int) {
        let count = input.count
        var cursor = index + 1
        isEnd = cursor < count && input[cursor] == UInt8(ascii: "/")
        if isEnd { cursor += 1 }
        guard cursor < count, HTMLText.isASCIILetter(input[cursor]) else { return nil }
        let nameStart = cursor
        while cursor < count, HTMLText.isNameByte(input[cursor]) { cursor += 1 }
        name = TagName(input, nameStart..<cursor).name
        var attributes: [(String, String)] = []
        while cursor < count {
            while cursor < count, Self.isSpace(input[cursor]) || input[cursor] == UInt8(ascii: "/") { cursor += 1 }
            guard cursor < count, input[cursor] != UInt8(ascii: ">") else { break }
            let attributeStart = cursor
            while cursor < count, !Self.isSpace(input[cursor]), input[cursor] != UInt8(ascii: "="),
                  input[cursor] != UInt8(ascii: ">") { cursor += 1 }
            let attributeName = String(decoding: UnsafeRawBufferPointer(rebasing: input[attributeStart..<cursor]),
                                       as: UTF8.self).lowercased()
            while cursor < count, Self.isSpace(input[cursor]) { cursor += 1 }
            var value = ""
            if cursor < count, input[cursor] == UInt8(ascii: "=") {
                cursor += 1
                while cursor < count, Self.isSpace(input[cursor]) { cursor += 1 }
                var valueStart = cursor
                var valueEnd = cursor
                if cursor < count, input[cursor] == UInt8(ascii: "\"") || input[cursor] == UInt8(ascii: "'") {
                    let quote = input[cursor]
                    valueStart = cursor + 1
                    cursor = valueStart
                    while cursor < count, input[cursor] != quote { cursor += 1 }
                    valueEnd = cursor
                    if cursor < count { cursor += 1 }
                } else {
                    while cursor < count, !Self.isSpace(input[cursor]), input[cursor] != UInt8(ascii: ">") { cursor += 1 }
                    valueEnd = cursor
                }
                value = Self.decodeReferences(UnsafeRawBufferPointer(rebasing: input[valueStart..<valueEnd]))
            }
            if !attributeName.isEmpty { attributes.append((attributeName, value)) }
            if cursor == attributeStart { cursor += 1 }
        }
        self.attributes = attributes
        end = min(cursor + 1, count)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    private static func decodeReferences(_ bytes: UnsafeRawBufferPointer) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&") {
                index = CharacterReferences.decode(bytes, at: index) { UTF8Encoding.append($0, to: &output) }
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
