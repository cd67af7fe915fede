/// Learns from the stream which words are names: a word written with a capital letter in the middle
/// of a sentence-case sentence (`Rebels attacked Bamako`) is probably a name; one written in
/// lowercase there (`armed groups`) is not.
///
/// Title-case headlines (`Armed Groups Stage Simultaneous Attacks`) teach nothing and are skipped,
/// as are words that open a sentence. Counts are halved when they grow large, so they follow recent
/// usage and stay bounded.
enum CapitalisationStatistics {
    /// Most words of four letters or more capitalised: the text is in title case.
    static let titleCaseShare = 0.6
    /// Total uses above which a word's counts are halved.
    static let decayAbove: Float = 64

    /// Whether the capitals of a text carry information (it is not in title case or all capitals).
    static func isSentenceCase(_ words: TokenList) -> Bool {
        var counted = 0
        var capitalised = 0
        for token in words.spans where !token.isNumber && token.length > 3 {
            counted += 1
            if token.isCapitalised { capitalised += 1 }
        }
        guard counted >= 2 else { return false }
        return Double(capitalised) / Double(counted) <= titleCaseShare
    }

    /// Records one use of `term` written as `token`.
    static func observe(_ token: TokenList.Span, as term: TermID, in table: inout TermTable) {
        guard !token.startsSentence, !token.isNumber else { return }
        // One access to the entry for all its updates: each `table[term]` written apart checked the
        // table's storage for uniqueness again.
        record(capitalised: token.isCapitalised, in: &table[term])
    }

    private static func record(capitalised: Bool, in entry: inout TermEntry) {
        if capitalised {
            entry.capitalisedUses += 1
        } else {
            entry.lowercaseUses += 1
        }
        if entry.capitalisedUses + entry.lowercaseUses > decayAbove {
            entry.capitalisedUses /= 2
            entry.lowercaseUses /= 2
        }
    }
}
