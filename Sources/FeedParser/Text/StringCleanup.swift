import Foundation

extension String {
    /// The string without leading and trailing whitespace (Unicode white space included).
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        if first == startIndex, index(after: last) == endIndex { return self }
        return String(self[first...last])
    }

    /// Undoes what broken publishers do to query strings in links: `&amp;` left escaped and
    /// `&name;` for `&name` (read as an entity reference).
    func replacingLinkEntityArtifacts(ampersands: Bool) -> String {
        guard contains("&") else { return self }
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
