/// Writes UTF-8 text into a caller-provided buffer while folding every run of white space into
/// one space and trimming both ends. White space means what Python's `str.split()` splits on:
/// ASCII spaces and controls 0x1C–0x1F, NEL, NO-BREAK SPACE, the Unicode space separators and
/// the line/paragraph separators.
///
/// The writer never grows its buffer: callers size it to the input, which the folded text of
/// HTML never exceeds (every character reference is at least as long as its UTF-8 form).
struct FoldingWriter {
    private let output: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0
    private var pendingSpace = false

    init(into output: UnsafeMutableBufferPointer<UInt8>) { self.output = output }

    /// Ends the current word (a block boundary in HTML). A space already written (single spaces
    /// between words are copied with the words) ends it too.
    @inline(__always)
    mutating func separate() {
        if count > 0, output[count - 1] != 0x20 { pendingSpace = true }
    }

    /// The length of the text, without the space a run of white space at the end left.
    mutating func finish() -> Int {
        if count > 0, output[count - 1] == 0x20 { count -= 1 }
        return count
    }

    /// Copies text from `input[start...]` up to the next `<` or `&` (or to the end when
    /// `stopAtMarkup` is false); returns where it stopped.
    ///
    /// Eight bytes are read at once: the bytes before the first one that needs a decision (white
    /// space other than one space between two words, a control, `<`, `&`, or the lead byte of a
    /// possible Unicode space) are copied with one store. The store may write past the copied bytes, never past the buffer: the writer's
    /// output never gets ahead of its input.
    mutating func appendText(_ input: UnsafeRawBufferPointer, from start: Int, stopAtMarkup: Bool = true) -> Int {
        var index = start
        let end = input.count
        let source = input.baseAddress!
        let target = UnsafeMutableRawPointer(output.baseAddress!)
        while index < end {
            if index + 8 <= end {
                let word = source.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let special = Self.specialBytes(word)
                let plain = special == 0 ? 8 : special.trailingZeroBitCount >> 3
                if plain > 0 {
                    writePendingSpace()
                    target.storeBytes(of: word, toByteOffset: count, as: UInt64.self)
                    count += plain
                    index += plain
                    continue
                }
            }
            let byte = input[index]
            if byte < 0x80 {
                if stopAtMarkup, byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") { return index }
                if byte <= 0x20, byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte >= 0x1C {
                    separate()
                } else {
                    write(byte)
                }
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            let stop = min(index + length, end)
            if (byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3), Self.isUnicodeSpace(input, index, stop) {
                separate()
            } else {
                writePendingSpace()
                for position in index..<stop {
                    output[count] = input[position]
                    count += 1
                }
            }
            index = stop
        }
        return index
    }

    /// Appends one decoded character (from a character reference, or a `<` that starts no
    /// markup); the bytes it replaces always provide the room.
    mutating func append(scalar: UInt32) {
        switch scalar {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            separate()
        case 0..<0x80:
            write(UInt8(scalar))
        default:
            writePendingSpace()
            var encoded: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
            let length = withUnsafeMutableBytes(of: &encoded) { raw in
                UTF8Encoding.write(scalar, into: raw.bindMemory(to: UInt8.self))
            }
            withUnsafeBytes(of: encoded) { raw in
                for offset in 0..<length {
                    output[count] = raw[offset]
                    count += 1
                }
            }
        }
    }

    @inline(__always)
    private mutating func write(_ byte: UInt8) {
        writePendingSpace()
        output[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func writePendingSpace() {
        if pendingSpace {
            output[count] = 0x20
            count += 1
            pendingSpace = false
        }
    }

    /// A mask with the high bit set in each byte of `word` that needs a decision: bytes up to
    /// 0x20 (white space and controls) but a space between two other bytes of the word that are
    /// above 0x20, `<`, `&`, 0xC2 and 0xE0–0xE3 (lead bytes of the Unicode spaces). Bytes above
    /// the first flagged one may be flagged wrongly (borrows); the first flag is always right.
    @inline(__always)
    private static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let sevenBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        @inline(__always) func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        // Exact (no borrows): ASCII bytes up to 0x20, and spaces.
        let low = ~(((word & sevenBits) &+ (ones &* 0x5F)) | word) & highs
        let spaceless = word ^ (ones &* 0x20)
        let spaces = ~(((spaceless & sevenBits) &+ sevenBits) | spaceless) & highs
        let single = spaces & ~(low << 8) & ~(low >> 8) & 0x0080_8080_8080_8000
        let lead = zeroBytes((word & (ones &* 0xFC)) ^ (ones &* 0xE0))
        return (low & ~single) | zeroBytes(word ^ (ones &* 0x3C)) | zeroBytes(word ^ (ones &* 0x26))
            | zeroBytes(word ^ (ones &* 0xC2)) | lead
    }

    @inline(__always)
    private static func isUnicodeSpace(_ input: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Bool {
        let lead = input[start]
        switch end - start {
        case 2:
            return lead == 0xC2 && (input[start + 1] == 0xA0 || input[start + 1] == 0x85)
        case 3:
            let second = input[start + 1], third = input[start + 2]
            switch lead {
            case 0xE1: return second == 0x9A && third == 0x80
            case 0xE2:
                if second == 0x80 { return third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF }
                return second == 0x81 && third == 0x9F
            case 0xE3: return second == 0x80 && third == 0x80
            default: return false
            }
        default:
            return false
        }
    }
}
