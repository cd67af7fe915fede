import CLibXML2

/// A byte-level pass that fixes what makes XML parsers drop text, before libxml2 sees it:
/// HTML entities no DTD declares (`&nbsp;`, `&eacute;`), unescaped ampersands and `<`, character
/// references to characters XML forbids, control characters, and C1 controls that are really
/// windows-1252 punctuation. CDATA sections, comments and processing instructions are left alone
/// (but for control characters, which no part of an XML document may hold).
///
/// The input is returned untouched (no copy) when nothing needs fixing.
struct MarkupRepair {
    /// What the pass changed, counted for the feed's `issues`.
    struct Report: Equatable {
        var htmlEntities = 0
        var unknownEntities = 0
        var bareAmpersands = 0
        var bareLessThans = 0
        var badCharacterReferences = 0
        var controlCharacters = 0
        var c1Controls = 0
        var unbalancedElements = 0

        /// One sentence per kind of repair.
        var issues: [String] {
            var issues: [String] = []
            if htmlEntities > 0 { issues.append("\(htmlEntities) undeclared HTML entity reference(s) decoded") }
            if unknownEntities > 0 { issues.append("\(unknownEntities) unknown entity reference(s) kept as text") }
            if bareAmpersands > 0 { issues.append("\(bareAmpersands) unescaped '&' escaped") }
            if bareLessThans > 0 { issues.append("\(bareLessThans) unescaped '<' escaped") }
            if badCharacterReferences > 0 {
                issues.append("\(badCharacterReferences) character reference(s) to characters XML forbids")
            }
            if controlCharacters > 0 { issues.append("\(controlCharacters) control character(s) removed") }
            if c1Controls > 0 { issues.append("\(c1Controls) C1 control(s) read as windows-1252 punctuation") }
            if unbalancedElements > 0 {
                issues.append("HTML that is not well-formed XML inside \(unbalancedElements) element(s), read as HTML")
            }
            return issues
        }
    }

    private(set) var report = Report()
    /// How many bytes the search for unbalanced text elements may still read ahead.
    private var lookAheadBudget = 0
    /// Entities the document's internal DTD subset declares with a safe value (plain text or one
    /// character reference), by name: substituted here, since libxml2 never expands entities.
    private var declaredEntities: [[UInt8]: [UInt8]] = [:]

    /// Repairs `input`; returns nil when it needs no change.
    mutating func repair(_ input: UnsafeRawBufferPointer) -> [UInt8]? {
        var output: [UInt8]? = nil
        var copied = 0  // input bytes already in `output`
        var index = 0
        let count = input.count
        lookAheadBudget = count * 2 + 65_536

        func beginOutput(upTo end: Int) {
            if output == nil {
                output = []
                output!.reserveCapacity(count + count / 16 + 64)
            }
            if end > copied {
                output!.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[copied..<end]))
            }
        }
        func replace(from start: Int, to end: Int, with bytes: [UInt8]) {
            beginOutput(upTo: start)
            output!.append(contentsOf: bytes)
            copied = end
        }

        while index < count {
            // Eight bytes at a time while none of them needs a look.
            while index + 8 <= count, !Self.needsLook(input.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
            }
            guard index < count else { break }
            let byte = input[index]
            if byte >= 0x20, byte != UInt8(ascii: "&"), byte != UInt8(ascii: "<"), byte != 0xC2 {
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "&"):
                if let (length, replacement) = examineReference(input, at: index) {
                    if let replacement { replace(from: index, to: index + length, with: replacement) }
                    index += length
                } else {
                    report.bareAmpersands += 1
                    replace(from: index, to: index + 1, with: Array("&amp;".utf8))
                    index += 1
                }
            case UInt8(ascii: "<"):
                let skip = skippedSection(input, at: index)
                if skip > 0 {
                    if let cleaned = withoutControls(UnsafeRawBufferPointer(rebasing: input[index..<index + skip]),
                                                     mappingC1: input[index + 1] == UInt8(ascii: "!")) {
                        replace(from: index, to: index + skip, with: cleaned)
                    }
                    index += skip
                } else if index + 1 < count, HTMLText.isASCIILetter(input[index + 1]),
                          let content = UnbalancedMarkup.unbalancedContent(input, tagAt: index, budget: &lookAheadBudget) {
                    report.unbalancedElements += 1
                    beginOutput(upTo: content.lowerBound)
                    let raw = UnsafeRawBufferPointer(rebasing: input[content])
                    let cleaned = withoutControls(raw, mappingC1: true)
                    cleaned.map { $0.withUnsafeBytes { output!.append(contentsOf: UnbalancedMarkup.cdata($0)) } }
                        ?? output!.append(contentsOf: UnbalancedMarkup.cdata(raw))
                    copied = content.upperBound
                    index = content.upperBound
                } else if index + 1 < count, !canFollowLessThan(input[index + 1]) {
                    report.bareLessThans += 1
                    replace(from: index, to: index + 1, with: Array("&lt;".utf8))
                    index += 1
                } else {
                    index += 1
                }
            case 0xC2:
                if index + 1 < count, (0x80...0x9F).contains(input[index + 1]) {
                    report.c1Controls += 1
                    var bytes: [UInt8] = []
                    UTF8Encoding.append(Windows1252.scalar(for: input[index + 1]), to: &bytes)
                    replace(from: index, to: index + 2, with: bytes)
                    index += 2
                } else {
                    index += 1
                }
            case 0x09, 0x0A, 0x0D:
                index += 1
            default:
                report.controlCharacters += 1
                replace(from: index, to: index + 1, with: [])
                index += 1
            }
        }
        guard output != nil else { return nil }
        beginOutput(upTo: count)
        return output
    }

    /// Whether a word holds a control character, `&`, `<` or 0xC2 (the lead byte of C1
    /// controls), tested on all eight bytes at once.
    @inline(__always)
    private static func needsLook(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let controls = (word &- ones &* 0x20) & ~word & highs
        return controls | hasZero(word ^ (ones &* 0x26)) | hasZero(word ^ (ones &* 0x3C))
            | hasZero(word ^ (ones &* 0xC2)) != 0
    }

    // MARK: - References

    /// Looks at the reference starting with `&` at `index`: its length and what should replace it
    /// (nil replacement: keep as is). Returns nil when the `&` starts no reference at all.
    private mutating func examineReference(_ input: UnsafeRawBufferPointer, at index: Int) -> (Int, [UInt8]?)? {
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
                return (length, upperHex ? Array("&#x".utf8) + Array(UnsafeRawBufferPointer(rebasing: input[(index + 3)..<(index + length)])) : nil)
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
        if let value = declaredEntities[Array(name)] { return (length, value) }
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

    private static func isPredefined(_ name: UnsafeRawBufferPointer) -> Bool {
        switch name.count {
        case 2: return (name[0] == UInt8(ascii: "l") || name[0] == UInt8(ascii: "g")) && name[1] == UInt8(ascii: "t")
        case 3: return name[0] == UInt8(ascii: "a") && name[1] == UInt8(ascii: "m") && name[2] == UInt8(ascii: "p")
        case 4:
            let word = String(decoding: name, as: UTF8.self)
            return word == "quot" || word == "apos"
        default: return false
        }
    }

    private func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: ":"):
            true
        default: byte >= 0x80
        }
    }

    /// Whether `byte` may follow `<` in markup (a name start, `/`, `!` or `?`).
    private func canFollowLessThan(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"),
             UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: "?"):
            true
        default: byte >= 0x80
        }
    }

    // MARK: - Sections passed through

    /// The length of a CDATA section, comment, processing instruction or DOCTYPE starting at
    /// `index`, or 0 when `<` starts an ordinary tag. An unterminated section runs to the end.
    private mutating func skippedSection(_ input: UnsafeRawBufferPointer, at index: Int) -> Int {
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
    private func doctypeLength(_ rest: UnsafeRawBufferPointer) -> Int {
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
    private mutating func noteDeclaredEntities(_ doctype: UnsafeRawBufferPointer) {
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
            let isCharacterReference = value.first == UInt8(ascii: "&") && value.dropFirst().first == UInt8(ascii: "#")
                && value.last == UInt8(ascii: ";") && value.filter({ $0 == UInt8(ascii: "&") }).count == 1
            guard isCharacterReference || !value.contains(UInt8(ascii: "&")) else { continue }
            declaredEntities[name] = value.flatMap { byte -> [UInt8] in
                byte == UInt8(ascii: "<") ? Array("&lt;".utf8) : [byte]
            }
        }
    }

    /// `section` without control characters and, when `mappingC1`, with C1 controls read as
    /// windows-1252; nil when it needs neither.
    private mutating func withoutControls(_ section: UnsafeRawBufferPointer, mappingC1: Bool) -> [UInt8]? {
        let hasControls = section.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D })
        var hasC1 = false
        if mappingC1 {
            for index in section.indices.dropLast() where section[index] == 0xC2 && (0x80...0x9F).contains(section[index + 1]) {
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
