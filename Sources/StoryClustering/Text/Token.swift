/// One word of a text as the clusterer sees it.
struct Token: Equatable, Sendable {
    /// The word, lowercased, with possessive endings removed (`Mali’s` → `mali`).
    var text: String
    /// Whether the word was written with at least one capital letter (`Mali`, `iPhone`, `US`).
    var isCapitalised: Bool
    /// Whether the word has two letters or more, all capitals (`US`, `NSA`, `WHO`).
    var isAllCapitals: Bool
    /// Whether the word is made of digits only (with an inner decimal point, as in `7.1`).
    var isNumber: Bool
    /// Whether the word opens the text or follows `.`, `!`, `?` or `:` (so a capital says nothing).
    var startsSentence: Bool
}
