/// What one character (one Unicode scalar, read from UTF-8) means to the tokenizer.
struct CharacterClass {
    enum Kind {
        /// An ASCII letter, already lowercased, and whether it was uppercase.
        case letter(lowercase: UInt8, isUpper: Bool)
        /// A letter outside ASCII (`é`, `ö`, `Ж`).
        case foreignLetter(Unicode.Scalar)
        /// A letter of a range whose case is known without Unicode properties (Latin-1, basic
        /// Cyrillic, CJK ideographs): its lowercase form and whether it was uppercase.
        case knownLetter(lowercase: Unicode.Scalar, isUpper: Bool)
        case digit(UInt8)
        /// `'` or a typographic apostrophe (`’`, `‘`).
        case apostrophe
        case period
        case comma
        /// `!`, `?`, `:` or a line break: what follows starts a new sentence or clause.
        case terminator
        case separator
    }

    var kind: Kind
    /// How many UTF-8 bytes the character takes.
    var length: Int

    /// Classifies the character starting at `index`.
    static func at(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> CharacterClass {
        let byte = bytes[index]
        if byte < 0x80 { return ascii(byte) }
        guard let (scalar, length) = decodeScalar(at: index, in: bytes) else {
            return CharacterClass(kind: .separator, length: 1)
        }
        if let known = knownLetter(scalar.value) {
            return CharacterClass(
                kind: .knownLetter(lowercase: known.lowercase, isUpper: known.isUpper), length: length)
        }
        switch scalar.value {
        case 0x2018, 0x2019, 0x02BC:
            return CharacterClass(kind: .apostrophe, length: length)
        default:
            break
        }
        guard scalar.properties.isAlphabetic else { return CharacterClass(kind: .separator, length: length) }
        return CharacterClass(kind: .foreignLetter(scalar), length: length)
    }

    /// The letters of feeds' most common non-ASCII ranges, classified as the Unicode properties
    /// would (alphabetic; simple case mapping) without asking for them: two property look-ups and
    /// a string per letter were most of the cost of reading Chinese or Ukrainian text. Nil for
    /// anything else, including the non-letters `×` and `÷`. `KnownLettersTests` checks every scalar.
    static func knownLetter(_ value: UInt32) -> (lowercase: Unicode.Scalar, isUpper: Bool)? {
        let lowercase: UInt32
        let isUpper: Bool
        switch value {
        case 0xC0...0xDE where value != 0xD7: (lowercase, isUpper) = (value + 0x20, true)  // À-Þ
        case 0xDF...0xFF where value != 0xF7: (lowercase, isUpper) = (value, false)  // ß-ÿ
        case 0x400...0x40F: (lowercase, isUpper) = (value + 0x50, true)  // Ѐ-Џ
        case 0x410...0x42F: (lowercase, isUpper) = (value + 0x20, true)  // А-Я
        case 0x430...0x45F: (lowercase, isUpper) = (value, false)  // а-я, ѐ-џ
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: (lowercase, isUpper) = (value, false)  // CJK ideographs
        default: return nil
        }
        return Unicode.Scalar(lowercase).map { ($0, isUpper) }
    }

    private static func ascii(_ byte: UInt8) -> CharacterClass {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"):
            return CharacterClass(kind: .letter(lowercase: byte, isUpper: false), length: 1)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return CharacterClass(kind: .letter(lowercase: byte | 0x20, isUpper: true), length: 1)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return CharacterClass(kind: .digit(byte), length: 1)
        case UInt8(ascii: "'"):
            return CharacterClass(kind: .apostrophe, length: 1)
        case UInt8(ascii: "."):
            return CharacterClass(kind: .period, length: 1)
        case UInt8(ascii: ","):
            return CharacterClass(kind: .comma, length: 1)
        case UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "\n"):
            return CharacterClass(kind: .terminator, length: 1)
        default:
            return CharacterClass(kind: .separator, length: 1)
        }
    }

    /// Decodes one multi-byte UTF-8 sequence; `nil` when it is malformed.
    private static func decodeScalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let continuation = bytes[index + offset]
            guard continuation & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
