/// Parts of a document the repair passes through: CDATA sections, comments, processing
/// instructions and the DOCTYPE (whose plain entity declarations it records).
extension MarkupRepair {
    /// The length of a CDATA section, comment, processing instruction or DOCTYPE starting at
    /// `index`, or 0 when `<` starts an ordinary tag. An unterminated section runs to the end.
    mutating func skippedSection(_ input: UnsafeRawBufferPointer, at index: Int) -> Int {
        let rest = input.count - index
        guard rest > 1 else { return 0 }
        func length(until terminator: StaticString, from offset: Int) -> Int {
            guard let end = ByteSearch.index(of: terminator, in: input, from: index + offset) else { return rest }
            return end - index + terminator.utf8CodeUnitCount
        }
        if input[index + 1] == UInt8(ascii: "?") { return length(until: "?>", from: 2) }
        guard input[index + 1] == UInt8(ascii: "!") else { return 0 }
        if ByteSearch.hasLiteral("<![CDATA[", in: input, at: index) { return length(until: "]]>", from: 9) }
        if ByteSearch.hasLiteral("<!--", in: input, at: index) { return length(until: "-->", from: 4) }
        if ByteSearch.hasLiteral("<!DOCTYPE", in: input, at: index) {
            let doctype = UnsafeRawBufferPointer(rebasing: input[index...])
            let total = doctypeLength(doctype)
            noteDeclaredEntities(UnsafeRawBufferPointer(rebasing: doctype[..<total]))
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
        let (hasControls, hasC1) = Self.damage(in: section, mappingC1: mappingC1)
        guard hasControls || hasC1 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(section.count)
        var index = 0
        while index < section.count {
            let byte = section[index]
            if Self.isForbiddenControl(byte) {
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

    /// Whether `section` holds control characters XML forbids and (when `mappingC1`) C1 controls,
    /// read eight bytes at a time: only words with a byte below 0x20 or a 0xC2 are looked into.
    static func damage(in section: UnsafeRawBufferPointer, mappingC1: Bool) -> (controls: Bool, c1: Bool) {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var controls = false
        var c1 = false
        var index = 0
        let count = section.count
        while index < count {
            if index + 8 <= count {
                let word = section.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let low = (word &- ones &* 0x20) & ~word & highs
                let lead = mappingC1 ? ((word ^ (ones &* 0xC2)) &- ones) & ~(word ^ (ones &* 0xC2)) & highs : 0
                if low | lead == 0 {
                    index += 8
                    continue
                }
            }
            let end = min(index + 8, count)
            while index < end {
                let byte = section[index]
                if isForbiddenControl(byte) { controls = true }
                if mappingC1, byte == 0xC2, index + 1 < count, (0x80...0x9F).contains(section[index + 1]) { c1 = true }
                index += 1
            }
            if controls && (c1 || !mappingC1) { break }
        }
        return (controls, c1)
    }

    @inline(__always)
    static func isForbiddenControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
    }
}
