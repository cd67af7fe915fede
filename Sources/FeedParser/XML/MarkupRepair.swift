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
        var entityExpansionsRefused = 0

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
            if entityExpansionsRefused > 0 {
                issues.append(
                    "\(entityExpansionsRefused) declared entity reference(s) kept as text: their values "
                        + "would have grown the document beyond twice its size")
            }
            if unbalancedElements > 0 {
                issues.append("HTML that is not well-formed XML inside \(unbalancedElements) element(s), read as HTML")
            }
            return issues
        }
    }

    var report = Report()
    /// Text taken out of the output for the builder (see `ElidedText`); nil when not eliding.
    private(set) var elided: ElidedText?
    /// Whether a CDATA section left in the document looks like a placeholder: the document must
    /// then be repaired again without eliding anything.
    private(set) var elisionConflict = false
    private let elidesText: Bool
    /// How many bytes the search for unbalanced text elements may still read ahead.
    var lookAheadBudget = 0
    /// Entities the document's internal DTD subset declares with a safe value (plain text or one
    /// character reference), by name: substituted here, since libxml2 never expands entities.
    var declaredEntities: [[UInt8]: [UInt8]] = [:]
    /// How many bytes declared entities may still add to the document (its own size, at least
    /// 64 KiB): a bound on what references to them can make of a small feed.
    var entityExpansionBudget = 0

    /// - Parameter elidingText: whether text libxml2 would pass through unchanged is taken out
    ///   of the output and kept in `elided` instead.
    init(elidingText: Bool = false) { elidesText = elidingText }

    /// Repairs `input`; returns nil when it needs no change.
    mutating func repair(_ input: UnsafeRawBufferPointer) -> [UInt8]? {
        elided = elidesText ? ElidedText(source: input) : nil
        var output: [UInt8]? = nil
        var copied = 0  // input bytes already in `output`
        var index = 0
        let count = input.count
        lookAheadBudget = count * 2 + 65_536
        entityExpansionBudget = max(count, 65_536)

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
            // Eight bytes at a time: straight to the first byte that needs a look.
            if index + 8 <= count {
                let flags = Self.bytesToLookAt(input.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if flags == 0 {
                    index += 8
                    continue
                }
                index += flags.trailingZeroBitCount >> 3
            }
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
                // End tags, the most common markup after start tags, need nothing.
                if index + 1 < count, input[index + 1] == UInt8(ascii: "/") {
                    index += 2
                    continue
                }
                let next = index + 1 < count ? input[index + 1] : 0
                let skip = next == UInt8(ascii: "!") || next == UInt8(ascii: "?") ? skippedSection(input, at: index) : 0
                if skip > 0 {
                    if elided != nil, skip > 9, ByteSearch.hasLiteral("<![CDATA[", in: input, at: index) {
                        if let content = Self.cdataContent(input, at: index, length: skip),
                            content.count >= ElidedText.minimumLength, Self.followsTag(input, at: index),
                            ElidedText.canPassThrough(UnsafeRawBufferPointer(rebasing: input[content]), inCDATA: true)
                        {
                            beginOutput(upTo: index)
                            elided!.elide(content, into: &output!)
                            copied = index + skip
                            index += skip
                            continue
                        }
                        let kept = UnsafeRawBufferPointer(rebasing: input[(index + 9)..<(index + skip)])
                        if ElidedText.containsMarker(kept) { elisionConflict = true }
                    }
                    if let cleaned = withoutControls(
                        UnsafeRawBufferPointer(rebasing: input[index..<index + skip]),
                        mappingC1: input[index + 1] == UInt8(ascii: "!"))
                    {
                        replace(from: index, to: index + skip, with: cleaned)
                    }
                    index += skip
                } else if index + 1 < count, HTMLText.isASCIILetter(input[index + 1]),
                    let found = UnbalancedMarkup.content(input, tagAt: index, budget: &lookAheadBudget)
                {
                    guard case .unbalanced(let content) = found else {
                        guard case .text(let text) = found, elided != nil, text.count >= ElidedText.minimumLength,
                            Self.needsNoRepair(UnsafeRawBufferPointer(rebasing: input[(index + 1)..<text.lowerBound])),
                            ElidedText.canPassThrough(UnsafeRawBufferPointer(rebasing: input[text]), inCDATA: false)
                        else {
                            index += 1
                            continue
                        }
                        beginOutput(upTo: text.lowerBound)
                        elided!.elide(text, into: &output!)
                        copied = text.upperBound
                        index = text.upperBound
                        continue
                    }
                    report.unbalancedElements += 1
                    beginOutput(upTo: content.lowerBound)
                    let raw = UnsafeRawBufferPointer(rebasing: input[content])
                    // It becomes a CDATA section that libxml2 may report in blocks: one of them must
                    // never be taken for a placeholder.
                    if ElidedText.containsMarker(raw) { elisionConflict = true }
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

    /// The content of the CDATA section of `length` bytes at `index`, or nil when it runs to the
    /// end of the document unterminated.
    private static func cdataContent(_ input: UnsafeRawBufferPointer, at index: Int, length: Int) -> Range<Int>? {
        guard length >= 12, ByteSearch.hasLiteral("]]>", in: input, at: index + length - 3)
        else { return nil }
        return (index + 9)..<(index + length - 3)
    }

    /// Whether the `<` at `index` follows a tag's `>` (white space aside): a CDATA section in
    /// element content, not one inside an attribute value of a broken tag.
    private static func followsTag(_ input: UnsafeRawBufferPointer, at index: Int) -> Bool {
        var cursor = index - 1
        while cursor >= 0, input[cursor] == 0x20 || input[cursor] == 0x0A || input[cursor] == 0x09 { cursor -= 1 }
        return cursor >= 0 && input[cursor] == UInt8(ascii: ">")
    }

    /// Whether the main loop would surely leave `bytes` as they are (a start tag after its `<`).
    private static func needsNoRepair(_ bytes: UnsafeRawBufferPointer) -> Bool {
        !bytes.contains { byte in
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == 0xC2
                || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D)
        }
    }

    /// The high bit of each byte of `word` that is a control character, `&`, `<` or 0xC2 (the
    /// lead byte of C1 controls). Bytes above the first flagged one may be flagged wrongly
    /// (borrows); the first flag is always right.
    @inline(__always)
    private static func bytesToLookAt(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let controls = (word &- ones &* 0x20) & ~word & highs
        return controls | zeroBytes(word ^ (ones &* 0x26)) | zeroBytes(word ^ (ones &* 0x3C))
            | zeroBytes(word ^ (ones &* 0xC2))
    }
}
