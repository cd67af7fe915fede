/// An HTML tag name read from bytes, lowercased, with what the text extractor needs to know.
struct TagName: Equatable {
    let name: String

    init(_ input: UnsafeRawBufferPointer, _ range: Range<Int>) {
        var bytes = [UInt8](UnsafeRawBufferPointer(rebasing: input[range]))
        for index in bytes.indices where bytes[index] >= UInt8(ascii: "A") && bytes[index] <= UInt8(ascii: "Z") {
            bytes[index] |= 0x20
        }
        if let colon = bytes.lastIndex(of: UInt8(ascii: ":")) { bytes.removeSubrange(...colon) }
        name = String(decoding: bytes, as: UTF8.self)
    }

    init(_ name: String) { self.name = name.lowercased() }

    /// Elements whose boundaries separate words.
    var isBlock: Bool { Self.blocks.contains(name) }

    /// Elements whose content is not text for a reader.
    var hasRawText: Bool { Self.rawText.contains(name) }

    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
        "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "img",
        "video", "audio", "iframe", "body", "html", "center", "option", "select", "textarea",
    ]

    /// Only code is dropped with its content; the text of other unknown or unsafe elements
    /// (iframe fallbacks, noscript, a stray head title) stays, as feed readers show it.
    static let rawText: Set<String> = ["script", "style", "applet"]
}
