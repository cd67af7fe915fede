/// Checks and repairs UTF-8 byte by byte, with an ASCII fast path.
enum UTF8Validation {
    /// The offset of the first byte that does not start a valid UTF-8 sequence, or nil.
    static func firstInvalidOffset(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight ASCII bytes at a time, then straight to the first non-ASCII byte.
            while index + 8 <= count {
                let high = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080
                if high != 0 {
                    index += high.trailingZeroBitCount >> 3
                    break
                }
                index += 8
            }
            guard index < count else { return nil }
            // A run of non-ASCII characters (CJK, Cyrillic words) is read sequence after sequence
            // until the next ASCII byte.
            repeat {
                let length = sequenceLength(bytes, at: index)
                if length == 0 { return index }
                index += length
            } while index < count && bytes[index] >= 0x80
        }
        return nil
    }

    /// The length of the valid UTF-8 sequence starting at `index`, or 0 when it is invalid.
    @inline(__always)
    static func sequenceLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int {
        let count = bytes.count
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        if index + 4 <= count {
            // The common two- and three-byte forms, checked on one load (byte 0 is the lowest).
            let word = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt32.self))
            if lead >= 0xC2, lead <= 0xDF { return word & 0xC000 == 0x8000 ? 2 : 0 }
            if lead >= 0xE1, lead <= 0xEF, lead != 0xED, word & 0xC0_C000 == 0x80_8000 { return 3 }
        }
        func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            index + offset < count && (low...high).contains(bytes[index + offset])
        }
        switch lead {
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE, 0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0: return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }

    /// Whether `bytes`, though not valid UTF-8, are evidently UTF-8 with a few damaged bytes: there
    /// are valid multi-byte sequences (a legacy single-byte text has almost none) and at least as
    /// many of them as invalid bytes.
    static func isMostlyUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var multiByte = 0
        var invalid = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            if length == 0 {
                invalid += 1
                index += 1
            } else {
                multiByte += 1
                index += length
            }
        }
        return multiByte >= 2 && invalid <= multiByte
    }

    /// Copies `bytes`, replacing each invalid byte with U+FFFD; returns the copy and the count.
    static func repaired(_ bytes: UnsafeRawBufferPointer) -> (bytes: [UInt8], replaced: Int) {
        var output = [UInt8]()
        output.reserveCapacity(bytes.count + 16)
        var replaced = 0
        var index = 0
        while index < bytes.count {
            let length = sequenceLength(bytes, at: index)
            if length == 0 {
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                replaced += 1
                index += 1
            } else {
                for offset in 0..<length { output.append(bytes[index + offset]) }
                index += length
            }
        }
        return (output, replaced)
    }
}
