/// Text the markup repair takes out of the document it hands to libxml2 and gives to the
/// `FeedBuilder` directly: libxml2 2.9 reads text with non-ASCII characters one character at a
/// time and checks CDATA sections byte by byte, which made it the slowest part of a parse, while
/// text that needs no repair can go to the builder as it is.
///
/// Each elided piece becomes a CDATA section holding a placeholder (U+FDD0, the piece's number,
/// U+FDD0); libxml2 reports it as one CDATA block, which the builder swaps for the original
/// bytes. Only text libxml2 would report unchanged is elided: CDATA content and element text
/// without references, carriage returns, `]]>`, control characters, C1 controls or U+FFFE/U+FFFF.
struct ElidedText {
    /// The document the ranges refer to; valid only while the repair's input is.
    let source: UnsafeRawBufferPointer
    private(set) var ranges: [Range<Int>] = []

    /// Shorter text is cheaper for libxml2 to read than its placeholder.
    static let minimumLength = 32

    /// U+FDD0, a noncharacter no feed has a reason to hold.
    private static let marker: (UInt8, UInt8, UInt8) = (0xEF, 0xB7, 0x90)

    init(source: UnsafeRawBufferPointer) { self.source = source }

    /// Records `range` of the source and appends its placeholder CDATA section to `output`.
    mutating func elide(_ range: Range<Int>, into output: inout [UInt8]) {
        // `<![CDATA[`, U+FDD0, up to 19 digits, U+FDD0, `]]>`: written into a fixed buffer.
        var placeholder: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        let length = withUnsafeMutableBytes(of: &placeholder) { buffer in
            var count = 0
            func put(_ byte: UInt8) {
                buffer[count] = byte
                count += 1
            }
            for byte in "<![CDATA[".utf8 { put(byte) }
            put(Self.marker.0)
            put(Self.marker.1)
            put(Self.marker.2)
            var digits = 1
            var power = 10
            while power <= ranges.count {
                digits += 1
                power *= 10
            }
            var number = ranges.count
            for position in stride(from: count + digits - 1, through: count, by: -1) {
                buffer[position] = UInt8(ascii: "0") + UInt8(number % 10)
                number /= 10
            }
            count += digits
            put(Self.marker.0)
            put(Self.marker.1)
            put(Self.marker.2)
            for byte in "]]>".utf8 { put(byte) }
            return count
        }
        withUnsafeBytes(of: placeholder) { output.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[..<length])) }
        ranges.append(range)
    }

    /// The original text a CDATA block stands for, or nil when it is no placeholder of ours.
    func original(of block: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        // At most 18 digits, so the index cannot overflow (ours have as many as the range count).
        guard block.count >= 7, block.count <= 24, Self.startsWithMarker(UnsafeRawBufferPointer(block)),
            block[block.count - 3] == Self.marker.0, block[block.count - 2] == Self.marker.1,
            block[block.count - 1] == Self.marker.2
        else { return nil }
        var index = 0
        for byte in block[3..<(block.count - 3)] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            index = index * 10 + Int(byte - UInt8(ascii: "0"))
        }
        guard index < ranges.count else { return nil }
        return UnsafeRawBufferPointer(rebasing: source[ranges[index]]).bindMemory(to: UInt8.self)
    }

    /// Whether CDATA content that stays in the document could be taken for a placeholder: it
    /// holds U+FDD0 (libxml2 may report a long section in blocks, so not only at its start).
    static func containsMarker(_ content: UnsafeRawBufferPointer) -> Bool {
        var cursor = 0
        while let found = ByteSearch.index(of: marker.0, in: content, from: cursor) {
            if startsWithMarker(UnsafeRawBufferPointer(rebasing: content[found...])) { return true }
            cursor = found + 1
        }
        return false
    }

    private static func startsWithMarker(_ content: UnsafeRawBufferPointer) -> Bool {
        content.count >= 3 && content[0] == marker.0 && content[1] == marker.1 && content[2] == marker.2
    }

    /// Whether libxml2 would report `text` unchanged, and the repair would leave it alone: no
    /// control character but tab and line feed, no C1 control, no U+FFFE or U+FFFF and, outside
    /// CDATA, no reference and no `]]>`. Eight bytes are read at once.
    static func canPassThrough(_ text: UnsafeRawBufferPointer, inCDATA: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let count = text.count
        var index = 0
        while index < count {
            if index + 8 <= count {
                let word = text.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                var flags = (word &- ones &* 0x20) & ~word & highs
                flags |= zeroBytes(word ^ (ones &* 0xC2)) | zeroBytes(word ^ (ones &* 0xEF))
                if !inCDATA { flags |= zeroBytes(word ^ (ones &* 0x26)) | zeroBytes(word ^ (ones &* 0x5D)) }
                if flags == 0 {
                    index += 8
                    continue
                }
                index += flags.trailingZeroBitCount >> 3
            }
            let byte = text[index]
            switch byte {
            case 0x09, 0x0A: break
            case 0..<0x20: return false
            case UInt8(ascii: "&") where !inCDATA: return false
            case UInt8(ascii: "]") where !inCDATA:
                if index + 2 < count, text[index + 1] == UInt8(ascii: "]"), text[index + 2] == UInt8(ascii: ">") {
                    return false
                }
            case 0xC2:
                if index + 1 < count, text[index + 1] >= 0x80, text[index + 1] <= 0x9F { return false }
            case 0xEF:
                if index + 2 < count, text[index + 1] == 0xBF, text[index + 2] >= 0xBE { return false }
            default: break
            }
            index += 1
        }
        return true
    }
}
