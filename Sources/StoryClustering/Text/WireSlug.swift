/// Removes the capitalised slug that wire services put before a headline (`UPDATE 2-`,
/// `GLOBAL MARKETS-`, `US STOCKS-`): it names a desk or a revision, not the event.
enum WireSlug {
    /// `title` without its leading slug, or `title` itself when it has none.
    static func strip(_ title: String) -> Substring {
        let whole = Substring(title)
        var capitals = 0
        var length = 0
        for (offset, character) in title.utf8.enumerated() {
            switch character {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                capitals += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: " "), UInt8(ascii: "&"), UInt8(ascii: "/"):
                break
            case UInt8(ascii: "-"):
                length = offset
            default:
                return whole
            }
            if length > 0 { break }
            if offset >= 40 { return whole }
        }
        // At least five characters (`UPDATE 1`, `METALS`) so that `US-China` keeps its `US`.
        guard length >= 5, capitals >= 2 else { return whole }
        let rest = title.utf8.dropFirst(length + 1)
        guard let next = rest.first, Self.canOpenHeadline(next) else { return whole }
        return Substring(rest)
    }

    /// A capital, a digit, a quote or a non-ASCII character: what a headline after a slug starts with.
    private static func canOpenHeadline(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte >= 0x80
    }
}
