import Foundation

/// The text of one element being read. Plain fields (links, ids, dates, names) keep only their
/// own text; text fields (titles, summaries, content) keep nested elements as markup, the way
/// feeds embed XHTML.
struct TextCapture {
    let role: ElementRole
    let depth: Int
    /// For text fields, how the value is to be read; nil for plain fields.
    private(set) var type: TextType?
    var isBase64 = false
    var isPermaLink = false
    /// A text field whose value will not be used: it still absorbs its markup, but keeps nothing.
    var isDiscarded = false
    private(set) var bytes: [UInt8] = []
    /// The capture's only text so far when it is text the markup repair elided: it stays valid
    /// for the whole parse, so it is read in place instead of being copied into `bytes`.
    private var borrowed: UnsafeBufferPointer<UInt8>?

    /// A plain field.
    init(role: ElementRole, depth: Int) {
        self.role = role
        self.depth = depth
    }

    /// A text field whose element declared (or defaulted to) `type`.
    init(role: ElementRole, depth: Int, type: TextType, tag: XMLStartTag) {
        self.init(role: role, depth: depth)
        self.type = type
        let mode = tag.attributeValue(named: "mode")?.lowercased()
        isBase64 = mode == "base64" || (mode == nil && type == .other)
    }

    /// Whether nothing was read (a truncated document can end inside an element).
    var isEmpty: Bool { bytes.isEmpty && borrowed == nil }

    /// Text fields take in everything below them.
    var absorbsMarkup: Bool { type != nil }

    /// Appends element text. `outlivesCallback` says `text` stays valid until the parse ends
    /// (elided text), so that a capture holding nothing else may keep it without a copy.
    mutating func appendText(_ text: UnsafeBufferPointer<UInt8>, outlivesCallback: Bool = false) {
        guard !isDiscarded else { return }
        if outlivesCallback, type != .xhtml, bytes.isEmpty, borrowed == nil {
            borrowed = text
            return
        }
        adoptBorrowed()
        guard type == .xhtml else {
            bytes.append(contentsOf: text)
            return
        }
        for byte in text {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            default: bytes.append(byte)
            }
        }
    }

    mutating func appendStartTag(_ tag: XMLStartTag) {
        guard !isDiscarded else { return }
        adoptBorrowed()
        let isDiv = strcmp(tag.localName, "div") == 0
        if type != .xhtml {
            // A `<div>` wrapper inside escaped HTML is a known publishing habit: drop the tag.
            if isDiv { return }
            type = .xhtml
        }
        bytes.append(UInt8(ascii: "<"))
        appendCString(tag.localName)
        for index in 0..<tag.attributeCount {
            guard let attribute = tag.attribute(at: index) else { continue }
            bytes.append(UInt8(ascii: " "))
            appendCString(attribute.localName)
            bytes.append(contentsOf: "=\"".utf8)
            for byte in attribute.string.utf8 {
                switch byte {
                case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: ">"))
    }

    mutating func appendEndTag(_ localName: UnsafePointer<UInt8>) {
        guard !isDiscarded else { return }
        adoptBorrowed()
        if type != .xhtml, strcmp(localName, "div") == 0 { return }
        bytes.append(contentsOf: "</".utf8)
        appendCString(localName)
        bytes.append(UInt8(ascii: ">"))
    }

    /// Copies borrowed text into `bytes`, before anything is appended after it.
    private mutating func adoptBorrowed() {
        guard let text = borrowed else { return }
        borrowed = nil
        bytes.append(contentsOf: text)
    }

    private mutating func appendCString(_ pointer: UnsafePointer<UInt8>) {
        var cursor = pointer
        while cursor.pointee != 0 {
            bytes.append(cursor.pointee)
            cursor += 1
        }
    }

    /// The text with surrounding whitespace removed.
    func plainText() -> String {
        let text = borrowed.map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: bytes, as: UTF8.self)
        return text.trimmingWhitespace()
    }

    /// The value of a text field, base64-decoded when it was encoded, typed as HTML when a
    /// nominally plain RSS value evidently holds HTML.
    func textValue(isAtom: Bool) -> TextValue {
        var text = plainText()
        var type = self.type ?? .plain
        if isBase64, let decoded = Data(base64Encoded: text, options: .ignoreUnknownCharacters),
            let string = String(data: decoded, encoding: .utf8)
        {
            text = string.trimmingWhitespace()
        }
        if type == .plain, !isAtom, HTMLDetection.looksLikeHTML(text) { type = .html }
        return TextValue(text: text, type: type)
    }
}

private func strcmp(_ pointer: UnsafePointer<UInt8>, _ literal: StaticString) -> Int {
    let count = literal.utf8CodeUnitCount
    let pattern = literal.utf8Start
    for offset in 0..<count where pointer[offset] != pattern[offset] { return 1 }
    return pointer[count] == 0 ? 0 : 1
}
