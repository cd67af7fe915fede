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
        // The hash of `fold(title) + "\u{1F}" + fold(summary)`, without building that string.
        var hash = Self.foldedHash(of: title, into: FoldedHash())
        hash.take(0x1F)
        return HashDigits.string(Self.foldedHash(of: summary, into: hash).hash, radix: 16)
    }

    /// `TextFolding.fold(text, into: hash)`, in one tight loop when the text is ASCII.
    private static func foldedHash(of text: String, into hash: FoldedHash) -> FoldedHash {
        var text = text
        let fast: UInt64? = text.withUTF8 { bytes in
            guard ASCIIFolding.isASCII(bytes) else { return nil }
            return ASCIIFolding.hash(bytes, into: hash.hash)
        }
        guard let fast else { return TextFolding.fold(text, into: hash) }
        return FoldedHash(hash: fast)
    }
}

/// Folding of presentation differences before comparing texts.
public enum TextFolding {
    /// Lower case, straight quotes and hyphens, single spaces, trimmed.
    ///
    /// ASCII, most of every English feed, is folded byte by byte; only other scalars pay for a
    /// look-up of Unicode properties (this runs on every item of every poll).
    public static func fold(_ text: String) -> String {
        String(decoding: foldedBytes(text), as: UTF8.self)
    }

    /// `fold(text)` as UTF-8 bytes.
    static func foldedBytes(_ text: String) -> [UInt8] {
        var text = text
        let ascii: [UInt8]? = text.withUTF8 { source in
            guard ASCIIFolding.isASCII(source) else { return nil }
            return [UInt8](unsafeUninitializedCapacity: source.count) { buffer, initialized in
                var count = 0
                ASCIIFolding.fold(source) { byte in
                    buffer[count] = byte
                    count += 1
                }
                initialized = count
            }
        }
        if let ascii { return ascii }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        return fold(text, into: consume bytes)
    }

    /// Writes `fold(text)` into `sink`, byte by byte, and returns it.
    static func fold<Sink: FoldedByteSink>(_ text: String, into sink: consuming Sink) -> Sink {
        var folder = Folder(sink: sink)
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                guard lead >= 0x80 else {
                    folder.add(ascii: lead)
                    index += 1
                    continue
                }
                // A multi-byte scalar (a String's UTF-8 is always well formed).
                let scalar = multiByteScalar(at: index, in: bytes, end: bytes.count)
                folder.add(Unicode.Scalar(scalar.value) ?? "\u{FFFD}")
                index += scalar.length
            }
        }
        return folder.sink
    }
}

extension TextFolding {
    /// The value and length of the multi-byte UTF-8 sequence whose lead byte is at `index` in
    /// well-formed UTF-8 (a String's), read no further than `end`.
    @inline(__always)
    static func multiByteScalar(
        at index: Int, in bytes: UnsafeBufferPointer<UInt8>, end: Int
    ) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = UInt32(lead) & (0x7F >> length)
        for offset in 1..<min(length, end - index) {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return (value, length)
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
}

/// Where folded text goes: a byte buffer, or a hash that never stores it.
protocol FoldedByteSink {
    mutating func take(_ byte: UInt8)
}

extension Array: FoldedByteSink where Element == UInt8 {
    mutating func take(_ byte: UInt8) { append(byte) }
}

/// The FNV-1a hash of the bytes taken.
struct FoldedHash: FoldedByteSink {
    private(set) var hash = StableHash.fnv1a64Basis

    init() {}

    /// A hash that has taken bytes already.
    init(hash: UInt64) { self.hash = hash }

    mutating func take(_ byte: UInt8) { hash = StableHash.fnv1a64(byte, into: hash) }
}

/// The state of one folding pass: where the bytes go and whether a space is due before the next.
private struct Folder<Sink: FoldedByteSink> {
    var sink: Sink
    private var started = false
    private var pendingSpace = false

    init(sink: Sink) { self.sink = sink }

    mutating func add(ascii byte: UInt8) {
        switch byte {
        case UInt8(ascii: " "), 0x09...0x0D:
            pendingSpace = started
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            emit(byte + 32)
        case UInt8(ascii: "`"):
            emit(UInt8(ascii: "'"))
        default:
            emit(byte)
        }
    }

    mutating func add(_ scalar: Unicode.Scalar) {
        // Matched on the scalar's value: with patterns of `Unicode.Scalar` literals this function ran
        // twice the instructions per scalar (120 against 61, callgrind on a first poll).
        let value = scalar.value
        if let folded = TextFolding.knownScalarFolding(value) {
            // Cased scripts and caseless ranges common in feeds, without a property look-up; all of
            // them are two or three bytes long in UTF-8.
            if folded < 0x800 {
                emit(UInt8(0xC0 | folded >> 6))
            } else {
                emit(UInt8(0xE0 | folded >> 12))
                emit(UInt8(0x80 | (folded >> 6) & 0x3F))
            }
            emit(UInt8(0x80 | folded & 0x3F))
            return
        }
        switch value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x00B4: emit(UInt8(ascii: "'"))
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: emit(UInt8(ascii: "\""))
        case 0x2010...0x2015, 0x2212: emit(UInt8(ascii: "-"))
        case 0x2026: emit(UInt8(ascii: "."))
        default:
            if scalar.properties.isWhitespace {
                pendingSpace = started
            } else {
                for lower in scalar.properties.lowercaseMapping.utf8 { emit(lower) }
            }
        }
    }

    private mutating func emit(_ byte: UInt8) {
        if pendingSpace {
            sink.take(UInt8(ascii: " "))
            pendingSpace = false
        }
        sink.take(byte)
        started = true
    }
}

/// A hash that is the same in every process and on every machine (unlike `Hasher`).
public enum StableHash {
    /// 64-bit FNV-1a of the UTF-8 bytes.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash = fnv1a64Basis
        for byte in text.utf8 { hash = fnv1a64(byte, into: hash) }
        return hash
    }

    /// The FNV-1a hash of nothing, where every hash starts.
    static let fnv1a64Basis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// `hash` with one more byte.
    @inline(__always)
    static func fnv1a64(_ byte: UInt8, into hash: UInt64) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
}
