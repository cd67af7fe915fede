/// English demonyms and the names they derive from: `Malian` → `Mali`, `Russian` → `Russia`,
/// `Ukrainian` → `Ukraine`, `Iranian` → `Iran`, `European` → `Europe`, `Chinese` → `China`,
/// `Iraqi` → `Iraq`. The Porter stemmer leaves them apart, yet headlines use both forms for one event
/// (“Mali’s junta”, “the Malian state”).
///
/// Only candidate spellings are produced here; the clusterer folds a word into one of them only if
/// the stream already knows that candidate as a name (see `Lexicon`), so `guardian` never becomes
/// `guard` and `politician` never becomes `politic`.
enum Demonyms {
    /// Possible base names of `word` (lowercase), most likely first; empty if it has no demonym ending.
    static func candidateBases(of word: String) -> [String] {
        guard word.utf8.count >= 5, word.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
        else { return [] }
        var bases: [String] = []
        if word.hasSuffix("ian") {
            let stem = String(word.dropLast(3))
            bases += [String(word.dropLast()), stem + "e", stem, String(word.dropLast(2)), stem + "a"]
        } else if word.hasSuffix("ean") {
            bases += [String(word.dropLast()), String(word.dropLast(3)) + "e"]
        } else if word.hasSuffix("an") {
            bases += [String(word.dropLast()), String(word.dropLast(2))]
        } else if word.hasSuffix("ese") {
            let stem = String(word.dropLast(3))
            bases += [stem, stem + "a"]
        } else if word.hasSuffix("i") {
            bases += [String(word.dropLast())]
        }
        return bases.filter { $0.utf8.count >= 3 }
    }
}
