import Foundation

/// Splits a summary into sentences: a sentence ends at `.`, `!` or `?` followed by a space and a
/// capital letter, a digit or a quote, except after an abbreviation (`Mt. Gox`, `U.S. Senate`).
enum SentenceSplitter {
    /// The sentences of `text`, trimmed, in order.
    static func sentences(of text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var lastWord = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            current.append(character)
            if character.isLetter || character == "." {
                lastWord.append(character)
            } else if character == " " {
                lastWord = ""
            }
            guard ".!?".contains(character), index + 2 < characters.count, characters[index + 1] == " " else {
                continue
            }
            let next = characters[index + 2]
            guard next.isUppercase || next.isNumber || "\"“‘'".contains(next) else { continue }
            if character == "." && isAbbreviation(lastWord) { continue }
            appendTrimmed(current, to: &sentences)
            current = ""
        }
        appendTrimmed(current, to: &sentences)
        return sentences
    }

    /// `Mt.`, `Dr.`, `U.S.`: a short capitalised word, or single letters with dots.
    private static func isAbbreviation(_ word: String) -> Bool {
        let letters = word.filter(\.isLetter)
        guard let first = letters.first else { return false }
        let dotted = word.dropLast().contains(".")
        return first.isUppercase && (letters.count <= 2 || dotted)
    }

    private static func appendTrimmed(_ sentence: String, to sentences: inout [String]) {
        let trimmed = sentence.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { sentences.append(trimmed) }
    }
}
