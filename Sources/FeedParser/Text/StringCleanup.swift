import Foundation

extension String {
    /// The string without leading and trailing whitespace (Unicode white space included).
    func trimmingWhitespace() -> String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        // Fast path: nothing to trim when both ends are visible ASCII.
        if first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }

    /// Undoes what broken publishers do to query strings in links: `&amp;` left escaped and
    /// `&name;` for `&name` (read as an entity reference).
    func replacingLinkEntityArtifacts(ampersands: Bool) -> String {
        guard utf8.contains(UInt8(ascii: "&")) else { return self }
        var text = ampersands ? replacingOccurrences(of: "&amp;", with: "&") : self
        var result = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            let name = rest[afterAmpersand...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            if !name.isEmpty, name.endIndex < rest.endIndex, rest[name.endIndex] == ";" {
                result += "&" + name
                rest = rest[rest.index(after: name.endIndex)...]
            } else {
                result += "&"
                rest = rest[afterAmpersand...]
            }
        }
        result += rest
        text = result
        return text
    }
}
