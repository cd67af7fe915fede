/// Character and entity references: which to keep, rewrite, decode or escape.
extension MarkupRepair {
    /// Looks at the reference starting with `&` at `index`: its length and what should replace it
    /// (nil replacement: keep as is). Returns nil when the `&` starts no reference at all.
    mutating func examineReference(_ input: UnsafeRawBufferPointer, at index: Int) -> (Int, [UInt8]?)? {
        let count = input.count
        var cursor = index + 1
        guard cursor < count else { return nil }
        if input[cursor] == UInt8(ascii: "#") {
            cursor += 1
            let hex = cursor < count && (input[cursor] == UInt8(ascii: "x") || input[cursor] == UInt8(ascii: "X"))
            let upperHex = hex && input[cursor] == UInt8(ascii: "X")
            if hex { cursor += 1 }
            let digitsStart = cursor
            var value: UInt32 = 0
            while cursor < count, cursor - digitsStart < 10, let digit = digitValue(input[cursor], hex: hex) {
                value = value &* (hex ? 16 : 10) &+ digit
                cursor += 1
            }
            guard cursor > digitsStart, cursor < count, input[cursor] == UInt8(ascii: ";") else { return nil }
            let length = cursor + 1 - index
            switch value {
            case 0x09, 0x0A, 0x0D, 0x20...0x7F, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
                // XML spells the hexadecimal marker in lowercase only.
                return (
                    length,
                    upperHex
                        ? Array("&#x".utf8)
                            + Array(UnsafeRawBufferPointer(rebasing: input[(index + 3)..<(index + length)])) : nil
                )
            case 0x80...0x9F:
                report.c1Controls += 1
                var bytes: [UInt8] = []
                UTF8Encoding.append(Windows1252.scalar(for: UInt8(value)), to: &bytes)
                return (length, bytes)
            default:
                report.badCharacterReferences += 1
                return (length, [])
            }
        }
        let nameStart = cursor
        while cursor < count, cursor - nameStart < 32, isNameByte(input[cursor]) { cursor += 1 }
        guard cursor > nameStart, cursor < count, input[cursor] == UInt8(ascii: ";") else { return nil }
        let name = UnsafeRawBufferPointer(rebasing: input[nameStart..<cursor])
        let length = cursor + 1 - index
        if Self.isPredefined(name) { return (length, nil) }
        if let value = declaredEntities[Array(name)] {
            // Declared values are plain text, so a reference grows the document by its value at
            // most; many references to one large value would still grow it without bound (a
            // 105 KB feed became a 100 MB summary), so the whole document's growth is capped.
            if value.count <= entityExpansionBudget {
                entityExpansionBudget -= value.count
                return (length, value)
            }
            report.entityExpansionsRefused += 1
            return (length, Array("&amp;".utf8) + Array(name) + [UInt8(ascii: ";")])
        }
        if let scalar = HTMLEntities.scalar(named: name) {
            report.htmlEntities += 1
            var bytes: [UInt8] = []
            if scalar == 0x26 || scalar == 0x3C || scalar == 0x3E || scalar == 0x22 || scalar == 0x27 {
                bytes = Array("&#\(scalar);".utf8)
            } else {
                UTF8Encoding.append(scalar, to: &bytes)
            }
            return (length, bytes)
        }
        report.unknownEntities += 1
        return (length, Array("&amp;".utf8) + Array(name) + [UInt8(ascii: ";")])
    }

    static func isPredefined(_ name: UnsafeRawBufferPointer) -> Bool {
        switch name.count {
        case 2: return (name[0] == UInt8(ascii: "l") || name[0] == UInt8(ascii: "g")) && name[1] == UInt8(ascii: "t")
        case 3: return name[0] == UInt8(ascii: "a") && name[1] == UInt8(ascii: "m") && name[2] == UInt8(ascii: "p")
        case 4:
            let word = String(decoding: name, as: UTF8.self)
            return word == "quot" || word == "apos"
        default: return false
        }
    }

    func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: ":"):
            true
        default: byte >= 0x80
        }
    }

    /// Whether `byte` may follow `<` in markup (a name start, `/`, `!` or `?`).
    func canFollowLessThan(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"),
            UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: "?"):
            true
        default: byte >= 0x80
        }
    }
}
