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

    /// The first e-mail address in `text`.
    static func emailAddress(in text: String) -> String? {
        let characters = Array(text)
        guard let at = characters.firstIndex(of: "@") else { return nil }
        func isLocal(_ character: Character) -> Bool {
            character.isASCII && (character.isLetter || character.isNumber || "_-.+".contains(character))
        }
        func isDomain(_ character: Character) -> Bool {
            character.isASCII && (character.isLetter || character.isNumber || "-.".contains(character))
        }
        var start = at
        while start > 0, isLocal(characters[start - 1]) { start -= 1 }
        var end = at + 1
        while end < characters.count, isDomain(characters[end]) { end += 1 }
        while end > at + 1, characters[end - 1] == "." { end -= 1 }
        guard start < at, end > at + 1, characters[(at + 1)..<end].contains(".") else { return nil }
        return String(characters[start..<end])
    }
}
