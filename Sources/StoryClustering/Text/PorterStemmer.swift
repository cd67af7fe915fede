/// The Porter (1980) suffix-stripping stemmer for English, written from the published algorithm.
///
/// Maps inflected and derived forms to one stem (`attacks`, `attacked`, `attacking` → `attack`), so
/// that headlines written differently still share terms. Words with characters outside `a`–`z` are
/// returned unchanged.
enum PorterStemmer {
    /// The stem of a lowercase word.
    static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard bytes.count > 2, bytes.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else {
            return word
        }
        var stemmer = StemBuffer(bytes)
        stemmer.step1a()
        stemmer.step1b()
        stemmer.step1c()
        stemmer.replaceFirst(of: step2Rules)
        stemmer.replaceFirst(of: step3Rules)
        stemmer.step4()
        stemmer.step5()
        bytes = stemmer.bytes
        return String(decoding: bytes, as: UTF8.self)
    }

    fileprivate typealias Rule = (suffix: [UInt8], replacement: [UInt8])

    private static func rules(_ pairs: [(String, String)]) -> [Rule] {
        pairs.map { (Array($0.0.utf8), Array($0.1.utf8)) }
    }

    fileprivate static let step2Rules = rules([
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
        ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
        ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
        ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
    ])

    fileprivate static let step3Rules = rules([
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ])

    fileprivate static let step4Suffixes: [[UInt8]] = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate",
        "iti", "ous", "ive", "ize",
    ].map { Array($0.utf8) }
}

/// The word being stemmed and the measures the Porter rules are written in.
private struct StemBuffer {
    var bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private static let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), i = UInt8(ascii: "i")
    private static let o = UInt8(ascii: "o"), u = UInt8(ascii: "u"), y = UInt8(ascii: "y")

    func isConsonant(_ index: Int) -> Bool {
        switch bytes[index] {
        case Self.a, Self.e, Self.i, Self.o, Self.u: return false
        case Self.y: return index == 0 || !isConsonant(index - 1)
        default: return true
        }
    }

    /// The number of vowel-consonant sequences in the first `length` letters.
    func measure(_ length: Int) -> Int {
        var count = 0
        var index = 0
        while index < length && isConsonant(index) { index += 1 }
        while index < length {
            while index < length && !isConsonant(index) { index += 1 }
            guard index < length else { break }
            while index < length && isConsonant(index) { index += 1 }
            count += 1
        }
        return count
    }

    func hasVowel(_ length: Int) -> Bool {
        (0..<length).contains { !isConsonant($0) }
    }

    func endsWithDoubleConsonant(_ length: Int) -> Bool {
        length >= 2 && bytes[length - 1] == bytes[length - 2] && isConsonant(length - 1)
    }

    /// Consonant-vowel-consonant at the end, the last not `w`, `x` or `y` (`hop`, not `snow`).
    func endsWithShortSyllable(_ length: Int) -> Bool {
        guard length >= 3, isConsonant(length - 3), !isConsonant(length - 2), isConsonant(length - 1) else {
            return false
        }
        let last = bytes[length - 1]
        return last != UInt8(ascii: "w") && last != UInt8(ascii: "x") && last != Self.y
    }

    func ends(with suffix: [UInt8]) -> Bool {
        bytes.count >= suffix.count && bytes[(bytes.count - suffix.count)...].elementsEqual(suffix)
    }

    func ends(with suffix: String) -> Bool { ends(with: Array(suffix.utf8)) }

    mutating func replaceEnding(_ count: Int, with replacement: some Sequence<UInt8>) {
        bytes.removeLast(count)
        bytes.append(contentsOf: replacement)
    }

    mutating func step1a() {
        if ends(with: "sses") || ends(with: "ies") {
            bytes.removeLast(2)
        } else if !ends(with: "ss") && ends(with: "s") {
            bytes.removeLast()
        }
    }

    mutating func step1b() {
        var removedInflection = false
        if ends(with: "eed") {
            if measure(bytes.count - 3) > 0 { bytes.removeLast() }
        } else if ends(with: "ed") && hasVowel(bytes.count - 2) {
            bytes.removeLast(2)
            removedInflection = true
        } else if ends(with: "ing") && hasVowel(bytes.count - 3) {
            bytes.removeLast(3)
            removedInflection = true
        }
        guard removedInflection else { return }
        if ends(with: "at") || ends(with: "bl") || ends(with: "iz") {
            bytes.append(Self.e)
        } else if endsWithDoubleConsonant(bytes.count),
            let last = bytes.last, !"lsz".utf8.contains(last)
        {
            bytes.removeLast()
        } else if measure(bytes.count) == 1 && endsWithShortSyllable(bytes.count) {
            bytes.append(Self.e)
        }
    }

    mutating func step1c() {
        if ends(with: "y") && hasVowel(bytes.count - 1) {
            bytes[bytes.count - 1] = Self.i
        }
    }

    /// Applies the first rule whose suffix matches, if the remaining stem has a measure above zero.
    mutating func replaceFirst(of rules: [PorterStemmer.Rule]) {
        guard let rule = rules.first(where: { ends(with: $0.suffix) }) else { return }
        if measure(bytes.count - rule.suffix.count) > 0 {
            replaceEnding(rule.suffix.count, with: rule.replacement)
        }
    }

    mutating func step4() {
        guard let suffix = PorterStemmer.step4Suffixes.first(where: { ends(with: $0) }) else { return }
        let stemLength = bytes.count - suffix.count
        guard measure(stemLength) > 1 else { return }
        if suffix == Array("ion".utf8) {
            let before = bytes[stemLength - 1]
            guard before == UInt8(ascii: "s") || before == UInt8(ascii: "t") else { return }
        }
        bytes.removeLast(suffix.count)
    }

    mutating func step5() {
        if ends(with: "e") {
            let stemLength = bytes.count - 1
            let m = measure(stemLength)
            if m > 1 || (m == 1 && !endsWithShortSyllable(stemLength)) { bytes.removeLast() }
        }
        if measure(bytes.count) > 1 && endsWithDoubleConsonant(bytes.count) && ends(with: "l") {
            bytes.removeLast()
        }
    }
}
