/// windows-1252, decoded by table (browsers read ISO-8859-1 and US-ASCII labels this way).
enum Windows1252 {
    /// The code points of bytes 0x80–0x9F; the five bytes windows-1252 leaves undefined map to
    /// the C1 control of the same value, as ISO-8859-1 would.
    static let highControls: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The Unicode scalar value of one windows-1252 byte.
    @inline(__always)
    static func scalar(for byte: UInt8) -> UInt32 {
        (0x80...0x9F).contains(byte) ? highControls[Int(byte - 0x80)] : UInt32(byte)
    }

    /// Decodes `bytes` into UTF-8. Every byte has a meaning, so this never fails.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
            } else {
                UTF8Encoding.append(scalar(for: byte), to: &output)
            }
        }
        return output
    }
}

/// Appends code points as UTF-8.
enum UTF8Encoding {
    /// Writes the UTF-8 form of `scalar` (invalid scalars become U+FFFD) at the start of
    /// `buffer`, which must hold four bytes; returns the length.
    @inline(__always)
    static func write(_ scalar: UInt32, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        switch scalar {
        case 0..<0x80:
            buffer[0] = UInt8(scalar)
            return 1
        case 0x80..<0x800:
            buffer[0] = UInt8(0xC0 | (scalar >> 6))
            buffer[1] = UInt8(0x80 | (scalar & 0x3F))
            return 2
        case 0xD800...0xDFFF, 0x110000...:
            buffer[0] = 0xEF
            buffer[1] = 0xBF
            buffer[2] = 0xBD
            return 3
        case 0x800..<0x10000:
            buffer[0] = UInt8(0xE0 | (scalar >> 12))
            buffer[1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            buffer[2] = UInt8(0x80 | (scalar & 0x3F))
            return 3
        default:
            buffer[0] = UInt8(0xF0 | (scalar >> 18))
            buffer[1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
            buffer[2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            buffer[3] = UInt8(0x80 | (scalar & 0x3F))
            return 4
        }
    }

    /// Appends the UTF-8 form of `scalar` (invalid scalars become U+FFFD).
    @inline(__always)
    static func append(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (scalar >> 6)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0xD800...0xDFFF, 0x110000...:
            output.append(contentsOf: [0xEF, 0xBF, 0xBD])
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (scalar >> 12)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (scalar >> 18)))
            output.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
