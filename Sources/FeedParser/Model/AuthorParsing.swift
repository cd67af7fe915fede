import Foundation

/// Splits a one-line author (`"jane@example.com (Jane Doe)"`, `"Jane Doe <jane@example.com>"`)
/// into name and e-mail.
enum AuthorParsing {
    /// Fills `name`/`email` from the element's text when no child element supplied them.
    static func complete(_ author: AuthorDraft) -> AuthorDraft {
        guard author.name == nil, author.email == nil, let text = author.text, !text.isEmpty else { return author }
        var result = author
        guard let email = emailAddress(in: text) else {
            result.name = text
            return result
        }
        result.email = email
        var name = text.replacingOccurrences(of: email, with: "")
        for wrapper in ["()", "<>", "&lt;&gt;", "mailto:"] { name = name.replacingOccurrences(of: wrapper, with: "") }
        name = name.trimmingWhitespace()
        if name.hasPrefix("(") { name.removeFirst() }
        if name.hasSuffix(")") { name.removeLast() }
        name = name.trimmingWhitespace()
        if !name.isEmpty { result.name = name }
        return result
    }

    /// The first e-mail address in `text`: the ASCII run around its first `@`.
    static func emailAddress(in text: String) -> String? {
        guard text.containsByte(UInt8(ascii: "@")) else { return nil }
        let bytes = Array(text.utf8)
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")) else { return nil }
        func isLetterOrDigit(_ byte: UInt8) -> Bool {
            HTMLText.isASCIILetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        func isLocal(_ byte: UInt8) -> Bool {
            isLetterOrDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+")
        }
        func isDomain(_ byte: UInt8) -> Bool {
            isLetterOrDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
        var start = at
        while start > 0, isLocal(bytes[start - 1]) { start -= 1 }
        var end = at + 1
        while end < bytes.count, isDomain(bytes[end]) { end += 1 }
        while end > at + 1, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        guard start < at, end > at + 1, bytes[(at + 1)..<end].contains(UInt8(ascii: ".")) else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
