/// Where the parts of a plain http(s) link are in its UTF-8 bytes: `http` or `https` in any case,
/// `://`, a host of letters, digits, dots and hyphens, then a path, query and fragment of printable
/// ASCII with well-formed escapes and at most one `#` (no user, no port, no IP literal).
///
/// Most links in feeds are plain. Finding their parts is a single pass over the bytes, and what is
/// made of them (`LinkParts`, a canonical key, a cleaned link) is byte work too; any other link is
/// left to `URLComponents`.
struct PlainLink {
    /// `://` follows; `https` when `isSecure`, else `http`.
    var scheme: Range<Int>
    var host: Range<Int>
    var path: Range<Int>
    /// After the `?`, when there is one (possibly empty).
    var query: Range<Int>?
    /// After the `#`, when there is one.
    var fragment: Range<Int>?
    /// The scheme is `https` (in any case).
    var isSecure: Bool
    /// A `%` escape is somewhere in the link: without one, its parts are copied as they are, with no
    /// search for escapes in each.
    var hasEscapes = false

    /// The parts of `bytes`, or `nil` when it is not a plain http(s) link.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < bytes.count, index < 6, bytes[index] != UInt8(ascii: ":") { index += 1 }
        let schemeLength = index
        guard schemeLength == 4 || schemeLength == 5, index + 3 <= bytes.count,
            bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/"),
            Self.isHTTP(bytes, length: schemeLength)
        else { return nil }
        scheme = 0..<schemeLength
        isSecure = schemeLength == 5
        index += 3
        let hostStart = index
        index = Self.endOfRun(Self.hostKind, in: bytes, from: index)
        guard index > hostStart else { return nil }
        host = hostStart..<index
        if index < bytes.count {
            let next = bytes[index]
            guard next == UInt8(ascii: "/") || next == UInt8(ascii: "?") || next == UInt8(ascii: "#") else {
                return nil
            }
        }
        let pathStart = index
        var queryStart: Int?
        var fragmentStart: Int?
        while true {
            // Most of a link is plain bytes: skip them in a tight loop, then look at the one that stops it.
            index = Self.endOfRun(Self.plainButQuestionMarkKind, in: bytes, from: index)
            guard index < bytes.count else { break }
            switch bytes[index] {
            case UInt8(ascii: "?") where queryStart == nil && fragmentStart == nil:
                queryStart = index
            case UInt8(ascii: "?"):
                break  // a later `?` is part of the query or fragment
            case UInt8(ascii: "#"):
                guard fragmentStart == nil else { return nil }
                fragmentStart = index
            case UInt8(ascii: "%"):
                guard index + 2 < bytes.count, Self.isHexDigit(bytes[index + 1]), Self.isHexDigit(bytes[index + 2])
                else { return nil }
                hasEscapes = true
            default:
                return nil  // not `isPlainByte`
            }
            index += 1
        }
        path = pathStart..<(queryStart ?? fragmentStart ?? bytes.count)
        query = queryStart.map { ($0 + 1)..<(fragmentStart ?? bytes.count) }
        fragment = fragmentStart.map { ($0 + 1)..<bytes.count }
    }

    /// `http` or `https`, in any case.
    private static func isHTTP(_ bytes: UnsafeBufferPointer<UInt8>, length: Int) -> Bool {
        guard bytes[0] | 0x20 == UInt8(ascii: "h"), bytes[1] | 0x20 == UInt8(ascii: "t"),
            bytes[2] | 0x20 == UInt8(ascii: "t"), bytes[3] | 0x20 == UInt8(ascii: "p")
        else { return false }
        return length == 4 || bytes[4] | 0x20 == UInt8(ascii: "s")
    }

    /// Letters, digits, `.` and `-`.
    static let hostBytes = ASCIISet(low: 0x03ff_6000_0000_0000, high: 0x07ff_fffe_07ff_fffe)
    /// `isPlainByte` but for `?`, which the scan looks at apart.
    static let plainBytesButQuestionMark = ASCIISet(low: 0x2fff_ffd2_0000_0000, high: 0x47ff_fffe_87ff_fffe)

    /// `byteKinds` bit of `hostBytes`.
    static let hostKind: UInt8 = 1
    /// `byteKinds` bit of `plainBytesButQuestionMark`.
    static let plainButQuestionMarkKind: UInt8 = 2

    /// The two sets above as one table of 256 bytes, a bit per set: a run of link bytes is skipped with a
    /// load and a test per byte, about half the instructions of the masks' selection, shift and test
    /// (this runs over every byte of two links per item).
    static let byteKinds: [UInt8] = (0...255).map { value in
        let byte = UInt8(value)
        return (hostBytes.contains(byte) ? hostKind : 0)
            | (plainBytesButQuestionMark.contains(byte) ? plainButQuestionMarkKind : 0)
    }

    /// The index of the first byte from `index` that is not of `kind` (a `byteKinds` bit), or `bytes.count`.
    @inline(__always)
    static func endOfRun(_ kind: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        byteKinds.withUnsafeBufferPointer { kinds in
            var index = index
            while index < bytes.count, kinds[Int(bytes[index])] & kind != 0 { index += 1 }
            return index
        }
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
    }

    /// Unreserved characters, sub-delimiters, `:`, `/` and `?`: what a path, query or fragment may hold
    /// as is (`@` is left to `URLComponents`).
    static func isPlainByte(_ byte: UInt8) -> Bool {
        if isAlphanumeric(byte) { return true }
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"),
            UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
            UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "?"):
            return true
        default:
            return false
        }
    }
}

/// A set of ASCII bytes as two 64-bit masks: membership is a shift and a test, with no table in memory.
struct ASCIISet: Sendable {
    /// Bytes 0–63.
    let low: UInt64
    /// Bytes 64–127.
    let high: UInt64

    /// Picks the mask by the byte's range (a conditional move, no mask for bytes from 128), then tests
    /// its bit with a masked shift: no branch.
    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let mask = byte < 64 ? low : byte < 128 ? high : 0
        return mask &>> UInt64(byte & 63) & 1 != 0
    }
}

extension ASCIISet {
    /// The ASCII characters of `characters`.
    init(characters: String) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for byte in characters.utf8 where byte < 128 {
            if byte < 64 { low |= 1 << byte } else { high |= 1 << (byte - 64) }
        }
        self.init(low: low, high: high)
    }
}
