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

    /// Ends the current word (a block boundary in HTML).
    @inline(__always)
    mutating func separate() {
        if count > 0 { pendingSpace = true }
    }

    /// Copies text from `input[start...]` up to the next `<` or `&` (or to the end when
    /// `stopAtMarkup` is false); returns where it stopped.
    mutating func appendText(_ input: UnsafeRawBufferPointer, from start: Int, stopAtMarkup: Bool = true) -> Int {
        var index = start
        let end = input.count
        while index < end {
            // Eight plain ASCII bytes (no space, control, `<` or `&`) are copied at once.
            while index + 8 <= end {
                let word = input.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                guard Self.isPlainASCII(word) else { break }
                writePendingSpace()
                UnsafeMutableRawPointer(output.baseAddress! + count).storeBytes(of: word, as: UInt64.self)
                count += 8
                index += 8
            }
            guard index < end else { break }
            let byte = input[index]
            if byte < 0x80 {
                if stopAtMarkup, byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") { return index }
                if byte <= 0x20, byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte >= 0x1C {
                    if count > 0 { pendingSpace = true }
                } else {
                    write(byte)
                }
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            let stop = min(index + length, end)
            if (byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3), Self.isUnicodeSpace(input, index, stop) {
                if count > 0 { pendingSpace = true }
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

    /// Whether all eight bytes are printable ASCII other than `<` and `&`.
    @inline(__always)
    private static func isPlainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let low = (word &- ones &* 0x21) & ~word & highs
        return (low | (word & highs) | hasZero(word ^ (ones &* 0x3C)) | hasZero(word ^ (ones &* 0x26))) == 0
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
