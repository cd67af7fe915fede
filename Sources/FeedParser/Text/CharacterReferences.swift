/// Decodes HTML character references: `&name;`, `&#NNN;`, `&#xHH;`.
enum CharacterReferences {
    /// Decodes the reference at `index` (which holds `&`), hands its code point to `emit`, and
    /// returns the index after it. A `&` that starts no known reference is emitted as itself.
    @inline(__always)
    static func decode(_ input: UnsafeRawBufferPointer, at index: Int, emit: (UInt32) -> Void) -> Int {
        let count = input.count
        var cursor = index + 1
        if cursor < count, input[cursor] == UInt8(ascii: "#") {
            cursor += 1
            let hex = cursor < count && (input[cursor] | 0x20) == UInt8(ascii: "x")
            if hex { cursor += 1 }
            let start = cursor
            var value: UInt32 = 0
            while cursor < count, cursor - start < 8 {
                let byte = input[cursor]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: digit = 99
                }
                if digit == 99 { break }
                value = value * (hex ? 16 : 10) + digit
                cursor += 1
            }
            guard cursor > start else {
                emit(0x26)
                return index + 1
            }
            if cursor < count, input[cursor] == UInt8(ascii: ";") { cursor += 1 }
            emit(normalized(value))
            return cursor
        }
        let start = cursor
        while cursor < count, cursor - start < 32, HTMLText.isNameByte(input[cursor]) { cursor += 1 }
        if cursor < count, input[cursor] == UInt8(ascii: ";"), cursor > start,
            let scalar = HTMLEntities.scalar(named: UnsafeRawBufferPointer(rebasing: input[start..<cursor]))
        {
            emit(scalar)
            return cursor + 1
        }
        emit(0x26)
        return index + 1
    }

    /// C1 controls stand for windows-1252 punctuation; NUL, surrogates and out-of-range values
    /// become U+FFFD.
    static func normalized(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x80...0x9F: Windows1252.scalar(for: UInt8(value))
        case 0, 0xD800...0xDFFF, 0x110000...: 0xFFFD
        default: value
        }
    }
}
