/// Keeps the harmless part of HTML: known elements with safe attributes. Scripts, styles and
/// applets go with their content; frames, objects, embeds and forms lose their tags (their text
/// stays); event-handler attributes (`on*`), `style` and `javascript:`/`vbscript:`/`data:` URLs
/// go; unknown elements are unwrapped; comments go. Relative `href`/`src` resolve against the
/// entry's base. Works on bytes: no string is built per tag or attribute.
enum HTMLSanitizer {
    /// Sanitized copy of an HTML fragment.
    static func sanitize(_ html: String, base: String?) -> String {
        // Without a `<` there is no markup to judge: character references are already HTML.
        guard html.containsByte(UInt8(ascii: "<")) else { return html }
        var html = html
        return html.withUTF8 { bytes in
            let input = UnsafeRawBufferPointer(bytes)
            // Most feed HTML is already clean: then the original string is the answer.
            return isAlreadySafe(input, base: base) ? nil : sanitize(input, base: base)
        } ?? html
    }

    /// Escapes plain text so it reads the same as HTML.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 { appendEscaped(byte, to: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether sanitizing would keep `input` as it is: only allowed elements and attributes,
    /// safe absolute URLs (or no base to resolve against), no comments or declarations, every
    /// `<` a tag. One pass, no output.
    private static func isAlreadySafe(_ input: UnsafeRawBufferPointer, base: String?) -> Bool {
        let count = input.count
        var index = 0
        while let open = HTMLText.find(input, "<", from: index) {
            var cursor = open + 1
            guard cursor < count else { return false }
            let isEnd = input[cursor] == UInt8(ascii: "/")
            if isEnd { cursor += 1 }
            let nameStart = cursor
            guard cursor < count, HTMLText.isASCIILetter(input[cursor]) else { return false }
            while cursor < count, HTMLText.isNameByte(input[cursor]) { cursor += 1 }
            guard let name = TagName.key(input, nameStart..<cursor), allowedElements.contains(name),
                input[nameStart..<cursor].allSatisfy({ $0 != UInt8(ascii: ":") })
            else { return false }
            var scanner = AttributeScanner(input: input, cursor: cursor)
            while let attribute = scanner.next() {
                guard !isEnd, let attributeName = NameKey(input, attribute.name),
                    allowedAttributes.contains(attributeName)
                else { return false }
                let value = UnsafeRawBufferPointer(rebasing: input[attribute.value])
                if value.contains(UInt8(ascii: "\"")) || value.contains(UInt8(ascii: "<")) { return false }
                if urlAttributes.contains(attributeName) {
                    guard !value.contains(UInt8(ascii: "&")), isSafeURL(value),
                        base == nil || URLResolution.hasScheme(value)
                    else {
                        return false
                    }
                }
            }
            guard scanner.cursor < count else { return false }
            index = scanner.cursor + 1
        }
        return true
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
            index = markup(input, at: index, base: base, into: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Handles the markup starting with `<` at `index`; returns the index after it.
    private static func markup(
        _ input: UnsafeRawBufferPointer, at index: Int, base: String?,
        into output: inout [UInt8]
    ) -> Int {
        let count = input.count
        guard index + 1 < count else {
            output.append(contentsOf: "&lt;".utf8)
            return count
        }
        let next = input[index + 1]
        if next == UInt8(ascii: ">") { return index + 2 }
        if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
            if index + 3 < count, input[index + 2] == UInt8(ascii: "-"), input[index + 3] == UInt8(ascii: "-") {
                return HTMLText.find(input, "-->", from: index + 4).map { $0 + 3 } ?? count
            }
            if index + 2 < count, HTMLText.isASCIILetter(input[index + 2]) || input[index + 2] == UInt8(ascii: "["),
                let end = HTMLText.find(input, ">", from: index + 1)
            {
                return end + 1
            }
            output.append(contentsOf: "&lt;".utf8)
            return index + 1
        }
        let isEnd = next == UInt8(ascii: "/")
        var cursor = index + (isEnd ? 2 : 1)
        guard cursor < count, HTMLText.isASCIILetter(input[cursor]) else {
            output.append(contentsOf: "&lt;".utf8)
            return index + 1
        }
        let nameStart = cursor
        while cursor < count, HTMLText.isNameByte(input[cursor]) { cursor += 1 }
        let name = TagName.key(input, nameStart..<cursor)
        var scanner = AttributeScanner(input: input, cursor: cursor)
        guard let name else { return scanner.skipToEnd() }
        if !isEnd, TagName.rawText.contains(name) {
            return endOfElement(named: name, input, from: scanner.skipToEnd())
        }
        guard allowedElements.contains(name) else { return scanner.skipToEnd() }
        let isVoid = voidElements.contains(name)
        if isEnd {
            if !isVoid {
                output.append(contentsOf: "</".utf8)
                output.append(contentsOf: name.bytes)
                output.append(UInt8(ascii: ">"))
            }
            return scanner.skipToEnd()
        }
        output.append(UInt8(ascii: "<"))
        output.append(contentsOf: name.bytes)
        while let attribute = scanner.next() {
            guard let attributeName = NameKey(input, attribute.name), allowedAttributes.contains(attributeName) else {
                continue
            }
            let rawValue = UnsafeRawBufferPointer(rebasing: input[attribute.value])
            if urlAttributes.contains(attributeName) {
                let value = decodeReferences(rawValue)
                guard isSafeURL(value) else { continue }
                output.append(UInt8(ascii: " "))
                output.append(contentsOf: attributeName.bytes)
                output.append(contentsOf: "=\"".utf8)
                let resolved = base == nil ? value : URLResolution.resolve(value, against: base)
                for byte in resolved.utf8 { appendEscaped(byte, to: &output) }
            } else {
                output.append(UInt8(ascii: " "))
                output.append(contentsOf: attributeName.bytes)
                output.append(contentsOf: "=\"".utf8)
                for byte in rawValue {
                    // Character references in the value are already HTML; keep them as written.
                    if byte == UInt8(ascii: "&") { output.append(byte) } else { appendEscaped(byte, to: &output) }
                }
            }
            output.append(UInt8(ascii: "\""))
        }
        output.append(contentsOf: (isVoid ? " />" : ">").utf8)
        return scanner.skipToEnd()
    }

    private static func endOfElement(named name: NameKey, _ input: UnsafeRawBufferPointer, from start: Int) -> Int {
        var cursor = start
        while let open = HTMLText.find(input, "</", from: cursor) {
            var end = open + 2
            while end < input.count, HTMLText.isNameByte(input[end]) { end += 1 }
            if TagName.key(input, (open + 2)..<end) == name {
                var scanner = AttributeScanner(input: input, cursor: end)
                return scanner.skipToEnd()
            }
            cursor = open + 2
        }
        return input.count
    }

    private static func isSafeURL(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { isSafeURL(UnsafeRawBufferPointer($0)) }
    }

    /// Whether a URL's scheme (white space and controls ignored, as browsers do) is not one
    /// that runs code.
    private static func isSafeURL(_ value: UnsafeRawBufferPointer) -> Bool {
        var scheme: UInt128 = 0
        var length = 0
        var sawColon = false
        for byte in value {
            if byte <= 0x20 { continue }  // browsers ignore white space and controls in schemes
            if byte == UInt8(ascii: ":") {
                sawColon = true
                break
            }
            if length == 12 { return true }
            let lowered = byte | (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? 0x20 : 0)
            scheme |= UInt128(lowered) << (8 * length)
            length += 1
        }
        guard sawColon else { return true }
        return !unsafeSchemes.contains(scheme)
    }

    /// `javascript`, `vbscript`, `data`, `livescript` and `mocha`, packed as `isSafeURL` packs a scheme.
    private static let unsafeSchemes: [UInt128] = ["javascript", "vbscript", "data", "livescript", "mocha"].map {
        name in
        var packed: UInt128 = 0
        for (offset, byte) in name.utf8.enumerated() { packed |= UInt128(byte) << (8 * offset) }
        return packed
    }

    @inline(__always)
    private static func appendEscaped(_ byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
        default: output.append(byte)
        }
    }

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

    static let voidElements = NameKey.set(["br", "hr", "img", "col", "area", "source", "wbr", "track"])

    static let allowedElements: NameSet = HTMLVocabulary.knownElements
        .subtracting(
            NameKey.set([
                "button", "input", "keygen", "select", "option", "optgroup", "textarea", "form",
                "noscript", "datagrid", "event-source", "command", "dialog",
            ])
        )
        .union(NameKey.set(["wbr", "picture", "mark", "track"]))

    static let urlAttributes = NameKey.set(["href", "src", "cite", "poster", "longdesc", "background"])

    static let allowedAttributes = NameKey.set([
        "href", "src", "alt", "title", "width", "height", "cite", "datetime", "lang", "dir", "colspan",
        "rowspan", "align", "valign", "poster", "controls", "loop", "span", "start", "type", "reversed",
        "summary", "scope", "headers", "abbr", "hreflang", "rel", "longdesc", "border", "cellpadding",
        "cellspacing", "color", "face", "size", "nowrap", "char", "charoff", "label", "value", "name",
    ])
}
