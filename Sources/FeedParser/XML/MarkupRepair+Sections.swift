/// Parts of a document the repair passes through: CDATA sections, comments, processing
/// instructions and the DOCTYPE (whose plain entity declarations it records).
extension MarkupRepair {
    /// The length of a CDATA section, comment, processing instruction or DOCTYPE starting at
    /// `index`, or 0 when `<` starts an ordinary tag. An unterminated section runs to the end.
    mutating func skippedSection(_ input: UnsafeRawBufferPointer, at index: Int) -> Int {
        let rest = UnsafeRawBufferPointer(rebasing: input[index...])
        func starts(with literal: String) -> Bool {
            let bytes = Array(literal.utf8)
            return rest.count >= bytes.count && zip(rest, bytes).allSatisfy { $0 == $1 }
        }
        func length(until terminator: String, from offset: Int) -> Int {
            let end = Array(terminator.utf8)
            var cursor = offset
            while cursor + end.count <= rest.count {
                if rest[cursor] == end[0], zip(rest[cursor...], end).allSatisfy({ $0 == $1 }) {
                    return cursor + end.count
                }
                cursor += 1
            }
            return rest.count
        }
        guard rest.count > 1 else { return 0 }
        if rest[1] == UInt8(ascii: "?") { return length(until: "?>", from: 2) }
        guard rest[1] == UInt8(ascii: "!") else { return 0 }
        if starts(with: "<![CDATA[") { return length(until: "]]>", from: 9) }
        if starts(with: "<!--") { return length(until: "-->", from: 4) }
        if starts(with: "<!DOCTYPE") {
            let total = doctypeLength(rest)
            noteDeclaredEntities(UnsafeRawBufferPointer(rebasing: rest[..<total]))
            return total
        }
        return 0
    }

    /// A DOCTYPE ends at the first `>` outside its internal subset `[...]` and outside quotes.
    func doctypeLength(_ rest: UnsafeRawBufferPointer) -> Int {
        var inSubset = false
        var quote: UInt8? = nil
        for (offset, byte) in rest.enumerated() {
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
            case UInt8(ascii: "["): inSubset = true
            case UInt8(ascii: "]"): inSubset = false
            case UInt8(ascii: ">") where !inSubset: return offset + 1
            default: break
            }
        }
        return rest.count
    }

    /// Reads `<!ENTITY name "value">` declarations whose value is plain text or a single
    /// character reference; others (external, nested references) stay unknown.
    mutating func noteDeclaredEntities(_ doctype: UnsafeRawBufferPointer) {
        let text = Array(doctype)
        let marker = Array("<!ENTITY".utf8)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var cursor = 0
        while cursor + marker.count < text.count {
            guard text[cursor..<cursor + marker.count].elementsEqual(marker) else {
                cursor += 1
                continue
            }
            cursor += marker.count
            while cursor < text.count, isSpace(text[cursor]) { cursor += 1 }
            let start = cursor
            while cursor < text.count, isNameByte(text[cursor]) { cursor += 1 }
            let name = Array(text[start..<cursor])
            while cursor < text.count, isSpace(text[cursor]) { cursor += 1 }
            guard !name.isEmpty, cursor < text.count, text[cursor] == UInt8(ascii: "\"") else { continue }
            let valueStart = cursor + 1
            guard let valueEnd = text[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            let value = Array(text[valueStart..<valueEnd])
            cursor = valueEnd + 1
            let isCharacterReference =
                value.first == UInt8(ascii: "&") && value.dropFirst().first == UInt8(ascii: "#")
                && value.last == UInt8(ascii: ";") && value.filter({ $0 == UInt8(ascii: "&") }).count == 1
            guard isCharacterReference || !value.contains(UInt8(ascii: "&")) else { continue }
            declaredEntities[name] = value.flatMap { byte -> [UInt8] in
                byte == UInt8(ascii: "<") ? Array("&lt;".utf8) : [byte]
            }
        }
    }

    /// `section` without control characters and, when `mappingC1`, with C1 controls read as
    /// windows-1252; nil when it needs neither.
    mutating func withoutControls(_ section: UnsafeRawBufferPointer, mappingC1: Bool) -> [UInt8]? {
        let hasControls = section.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D })
        var hasC1 = false
        if mappingC1 {
            for index in section.indices.dropLast()
            where section[index] == 0xC2 && (0x80...0x9F).contains(section[index + 1]) {
                hasC1 = true
                break
            }
        }
        guard hasControls || hasC1 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(section.count)
        var index = 0
        while index < section.count {
            let byte = section[index]
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                report.controlCharacters += 1
            } else if hasC1, byte == 0xC2, index + 1 < section.count, (0x80...0x9F).contains(section[index + 1]) {
                report.c1Controls += 1
                UTF8Encoding.append(Windows1252.scalar(for: section[index + 1]), to: &output)
                index += 1
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }
}
