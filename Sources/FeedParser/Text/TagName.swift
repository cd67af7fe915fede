/// What the HTML readers need to know about element names.
enum TagName {
    /// Elements whose boundaries separate words.
    static let blocks = NameKey.set([
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
        "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "img",
        "video", "audio", "iframe", "body", "html", "center", "option", "select", "textarea",
    ])

    /// Only code is dropped with its content; the text of other unknown or unsafe elements
    /// (iframe fallbacks, noscript, a stray head title) stays, as feed readers show it.
    static let rawText = NameKey.set(["script", "style", "applet"])

    /// The key of the element name in `input[range]`, without any namespace prefix.
    static func key(_ input: UnsafeRawBufferPointer, _ range: Range<Int>) -> NameKey? {
        var start = range.lowerBound
        for position in range where input[position] == UInt8(ascii: ":") { start = position + 1 }
        return NameKey(input, start..<range.upperBound)
    }
}
