public import Foundation

/// The parts of an article that make a version: what a revision changes.
public struct ArticleContent: Sendable, Equatable {
    public var title: String
    public var summary: String
    /// The version's own date: `updated` when the feed gives one, else `published`.
    public var versionDate: Date?

    public init(title: String, summary: String, versionDate: Date?) {
        self.title = title
        self.summary = summary
        self.versionDate = versionDate
    }

    /// A fingerprint of the text that ignores presentation: typographic quotes and dashes,
    /// whitespace and letter case. Two copies that differ only there are the same version.
    public var fingerprint: String {
        let folded = TextFolding.fold(title) + "\u{1F}" + TextFolding.fold(summary)
        return String(StableHash.fnv1a64(folded), radix: 16)
    }
}

/// Folding of presentation differences before comparing texts.
public enum TextFolding {
    /// Lower case, straight quotes and hyphens, single spaces, trimmed.
    ///
    /// ASCII, most of every English feed, is folded byte by byte; only other scalars pay for a
    /// look-up of Unicode properties (this runs on every item of every poll).
    public static func fold(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func emit(_ byte: UInt8) {
            if pendingSpace {
                out.append(UInt8(ascii: " "))
                pendingSpace = false
            }
            out.append(byte)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case UInt8(ascii: " "), 0x09...0x0D:
                    pendingSpace = !out.isEmpty
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    emit(byte + 32)
                case UInt8(ascii: "`"):
                    emit(UInt8(ascii: "'"))
                default:
                    emit(byte)
                }
                continue
            }
            if let folded = knownScalarFolding(value) {
                // Cased scripts and caseless ranges common in feeds, without a property look-up.
                if pendingSpace {
                    out.append(UInt8(ascii: " "))
                    pendingSpace = false
                }
                appendUTF8(folded, to: &out)
                continue
            }
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "\u{00B4}": emit(UInt8(ascii: "'"))
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}", "\u{00AB}", "\u{00BB}":
                emit(UInt8(ascii: "\""))
            case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}":
                emit(UInt8(ascii: "-"))
            case "\u{2026}": emit(UInt8(ascii: "."))
            default:
                if scalar.properties.isWhitespace {
                    pendingSpace = !out.isEmpty
                } else {
                    for lower in scalar.properties.lowercaseMapping.utf8 { emit(lower) }
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// What `fold` makes of a non-ASCII scalar in ranges whose case mapping is simple and that hold
    /// no whitespace, quote or dash it folds: Latin-1 letters, basic Cyrillic, and caseless kana,
    /// CJK ideographs and Hangul. Nil elsewhere (the Unicode properties decide). `TextFoldingTests`
    /// checks every scalar of these ranges against the general path.
    static func knownScalarFolding(_ value: UInt32) -> UInt32? {
        switch value {
        case 0xC0...0xDE where value != 0xD7: value + 0x20  // À-Þ (not ×)
        case 0xDF...0xFF: value  // ß-ÿ, ÷: lower case or caseless
        case 0x400...0x40F: value + 0x50  // Ѐ-Џ
        case 0x410...0x42F: value + 0x20  // А-Я
        case 0x430...0x45F: value  // а-я, ѐ-џ
        case 0x3041...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: value
        default: nil
        }
    }

    private static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            out.append(UInt8(value))
        case 0x80..<0x800:
            out += [UInt8(0xC0 | value >> 6), UInt8(0x80 | value & 0x3F)]
        case 0x800..<0x10000:
            out += [UInt8(0xE0 | value >> 12), UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F)]
        default:
            out += [
                UInt8(0xF0 | value >> 18), UInt8(0x80 | value >> 12 & 0x3F), UInt8(0x80 | value >> 6 & 0x3F),
                UInt8(0x80 | value & 0x3F),
            ]
        }
    }
}

/// A hash that is the same in every process and on every machine (unlike `Hasher`).
public enum StableHash {
    /// 64-bit FNV-1a of the UTF-8 bytes.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
