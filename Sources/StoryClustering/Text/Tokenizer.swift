/// Splits a headline or a summary into lowercased words, working on UTF-8 bytes.
///
/// Rules, chosen for news text:
/// - a word is a run of letters and digits; hyphens, dashes, quotes and other punctuation split words;
/// - possessive and contracted endings are dropped (`Mali’s` → `mali`, `they're` → `they`),
///   French and Italian elisions too (`l’Inde` → `inde`, `qu’il` → `il`, `dell’Italia` → `italia`),
///   other inner apostrophes are removed (`gov’t` → `govt`);
/// - dotted abbreviations are joined (`U.S.` → `us`), decimal numbers kept (`7.1`), thousands
///   separators removed (`74,500` → `74500`).
enum Tokenizer {
    /// The words of `text`, in order.
    static func tokens(of text: some StringProtocol) -> [Token] {
        var list = TokenList()
        scan(text, into: &list)
        return list.tokens
    }

    /// Replaces the contents of `list` with the words of `text`.
    static func scan(_ text: some StringProtocol, into list: inout TokenList) {
        if let read = text.utf8.withContiguousStorageIfAvailable({ words(of: $0) }) {
            list = read
        } else {
            var copy = String(text)
            list = copy.withUTF8 { words(of: $0) }
        }
    }

    /// Replaces the contents of `list` with the words of `text`, written into `scratch` and copied into the
    /// list's own storage (reused when it is large enough and not shared): for a list read again and again.
    static func scan(_ text: some StringProtocol, into list: inout TokenList, reusing scratch: inout TokenizerScratch) {
        let read = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count <= TokenizerScratch.retainedTextLimit else { return false }
            write(bytes, into: &list, reusing: &scratch)
            return true
        }
        if read != true { scan(text, into: &list) }
    }

    private static func write(
        _ text: UnsafeBufferPointer<UInt8>, into list: inout TokenList, reusing scratch: inout TokenizerScratch
    ) {
        let byteCapacity = WordSink.byteCapacity(forText: text.count)
        let spanCapacity = WordSink.spanCapacity(forText: text.count)
        if scratch.bytes.count < byteCapacity { scratch.bytes = [UInt8](repeating: 0, count: byteCapacity) }
        if scratch.spans.count < spanCapacity {
            let empty = TokenList.Span(
                start: 0, length: 0, isCapitalised: false, isAllCapitals: false, isNumber: false,
                startsSentence: false)
            scratch.spans = [TokenList.Span](repeating: empty, count: spanCapacity)
        }
        scratch.bytes.withUnsafeMutableBufferPointer { byteBuffer in
            scratch.spans.withUnsafeMutableBufferPointer { spanBuffer in
                var scanner = WordScanner(list: WordSink(bytes: byteBuffer, spans: spanBuffer))
                scanner.scan(text)
                list.replaceContents(
                    bytes: UnsafeBufferPointer(rebasing: byteBuffer[..<scanner.list.end]),
                    spans: UnsafeBufferPointer(rebasing: spanBuffer[..<scanner.list.spanCount]))
            }
        }
    }

    /// The words of the UTF-8 text in `bytes`, written into buffers sized for the text (`WordSink`).
    private static func words(of text: UnsafeBufferPointer<UInt8>) -> TokenList {
        var spans: [TokenList.Span] = []
        let bytes = [UInt8](unsafeUninitializedCapacity: WordSink.byteCapacity(forText: text.count)) {
            byteBuffer, writtenBytes in
            spans = [TokenList.Span](unsafeUninitializedCapacity: WordSink.spanCapacity(forText: text.count)) {
                spanBuffer, writtenSpans in
                var scanner = WordScanner(list: WordSink(bytes: byteBuffer, spans: spanBuffer))
                scanner.scan(text)
                writtenSpans = scanner.list.spanCount
                writtenBytes = scanner.list.end
            }
        }
        // The buffers were sized for the worst case (about 25 bytes of span per byte of text), and
        // word lists are kept (by each article waiting for the ingestor, by exemplars): cut to size.
        return TokenList(bytes: cutToSize(bytes), spans: cutToSize(spans))
    }

    /// `array` itself, or a copy without its spare capacity when that is more than a quarter.
    /// (`Array(array[...])` would not do: a slice of a whole array converts back without a copy.)
    private static func cutToSize<Element>(_ array: [Element]) -> [Element] {
        guard array.capacity > array.count + array.count / 4 + 16 else { return array }
        return [Element](unsafeUninitializedCapacity: array.count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: array)
        }
    }
}

/// The state of one left-to-right pass over the bytes of a text.
private struct WordScanner {
    var list: WordSink
    /// Where the current word starts in `list`.
    private var wordStart = 0
    private var letters = 0
    private var capitals = 0
    private var onlyDigits = true
    private var atSentenceStart = true
    /// Letters since the word started or since the last dot of an abbreviation.
    private var segmentLetters = 0
    /// Where the current word starts in the text (kept at the current byte while the word is empty).
    private var sourceStart = 0

    init(list: WordSink) {
        self.list = list
    }

    private var wordIsEmpty: Bool { list.end == wordStart }
    private var wordLength: Int { list.end - wordStart }

    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < bytes.count {
            if wordIsEmpty { sourceStart = index }
            if Self.isLowercaseASCII(bytes[index]) {
                // Most of a text: a run of lowercase letters is copied as it is scanned (a run is a few
                // bytes long, shorter than a call to copy it costs).
                var end = index
                repeat {
                    list.append(byte: bytes[end])
                    end += 1
                } while end < bytes.count && Self.isLowercaseASCII(bytes[end])
                letters += end - index
                segmentLetters += end - index
                onlyDigits = false
                index = end
                continue
            }
            let unit = CharacterClass.at(index, in: bytes)
            switch unit.kind {
            case .letter(let lowercase, let isUpper):
                list.append(byte: lowercase)
                addLetter(isUpper: isUpper)
            case .foreignLetter(let scalar):
                list.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                addLetter(isUpper: scalar.properties.isUppercase)
            case .knownLetter(let lowercase, let isUpper):
                list.append(contentsOf: UTF8.encode(lowercase)!)
                addLetter(isUpper: isUpper)
            case .digit(let byte):
                list.append(byte: byte)
                segmentLetters = 0
            case .apostrophe:
                index = apostrophe(at: index, length: unit.length, in: bytes)
                continue
            case .period:
                if !dotContinuesWord(at: index, in: bytes) {
                    // `Mt. Gox`, `Dr. Smith`: a short capitalised word before a dot is an abbreviation.
                    let abbreviated = capitals > 0 && letters <= 3 && letters == wordLength
                    finishWord()
                    atSentenceStart = !abbreviated
                }
            case .comma:
                if !(lastIsDigit && nextIsDigit(after: index, in: bytes)) { finishWord() }
            case .terminator:
                finishWord()
                atSentenceStart = true
            case .separator:
                finishWord()
            }
            index += unit.length
        }
        finishWord()
    }

    private mutating func addLetter(isUpper: Bool) {
        letters += 1
        if isUpper { capitals += 1 }
        onlyDigits = false
        segmentLetters += 1
    }

    private var lastIsDigit: Bool {
        guard let last = list.lastByte(after: wordStart) else { return false }
        return last >= UInt8(ascii: "0") && last <= UInt8(ascii: "9")
    }

    private func nextIsDigit(after index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        index + 1 < bytes.count && bytes[index + 1] >= UInt8(ascii: "0") && bytes[index + 1] <= UInt8(ascii: "9")
    }

    private static func isLowercaseASCII(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// Decides whether the dot at `index` stays inside the word: a decimal point (`7.1`) or the dot
    /// of a dotted abbreviation (`U.S.`), which is dropped.
    private mutating func dotContinuesWord(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !wordIsEmpty else { return false }
        if lastIsDigit && nextIsDigit(after: index, in: bytes) {
            list.append(byte: UInt8(ascii: "."))
            return true
        }
        let isAbbreviation =
            !onlyDigits && segmentLetters == 1 && index + 2 < bytes.count
            && Self.isASCIILetter(bytes[index + 1]) && bytes[index + 2] == UInt8(ascii: ".")
        if isAbbreviation { segmentLetters = 0 }
        return isAbbreviation
    }

    /// Handles an apostrophe inside a word and returns the index to continue from.
    private mutating func apostrophe(at index: Int, length: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let suffixStart = index + length
        guard !wordIsEmpty, !onlyDigits else {
            finishWord()
            return suffixStart
        }
        var end = suffixStart
        while end < bytes.count, Self.isASCIILetter(bytes[end]) { end += 1 }
        let suffix = UnsafeBufferPointer(rebasing: bytes[suffixStart..<end])
        if Self.isDroppedEnding(suffix) { return end }
        if Self.isElision(list.bytes(from: wordStart)), Self.isLetter(at: suffixStart, in: bytes) {
            // The elided article or pronoun says nothing; the word after it is a word of its own.
            list.discard(from: wordStart)
            letters = 0
            capitals = 0
            onlyDigits = true
            segmentLetters = 0
            sourceStart = suffixStart
            return suffixStart
        }
        list.append(contentsOf: suffix.lazy.map { $0 | 0x20 })
        return end
    }

    /// French and Italian words that elide before a vowel (`l’`, `d’`, `qu’`, `dell’`…), lowercased.
    private static let elisions: Set<[UInt8]> = Set(
        [
            "l", "d", "s", "n", "j", "c", "m", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "dell", "all", "dall",
            "nell", "sull", "un",
        ].map { Array($0.utf8) })

    private static func isElision(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        word.count <= 6 && elisions.contains(Array(word))
    }

    private static func isLetter(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index < bytes.count else { return false }
        switch CharacterClass.at(index, in: bytes).kind {
        case .letter, .foreignLetter, .knownLetter: return true
        default: return false
        }
    }

    /// Endings after an apostrophe that carry no meaning of their own: `s`, `re`, `ll`, `ve`, `d`, `m`.
    private static func isDroppedEnding(_ suffix: UnsafeBufferPointer<UInt8>) -> Bool {
        switch suffix.count {
        case 1:
            return "sdm".utf8.contains(suffix[0] | 0x20)
        case 2:
            let pair = (suffix[0] | 0x20, suffix[1] | 0x20)
            return pair == (UInt8(ascii: "r"), UInt8(ascii: "e")) || pair == (UInt8(ascii: "l"), UInt8(ascii: "l"))
                || pair == (UInt8(ascii: "v"), UInt8(ascii: "e"))
        default:
            return false
        }
    }

    private mutating func finishWord() {
        if !wordIsEmpty {
            list.closeWord(
                from: wordStart, isCapitalised: capitals > 0,
                isAllCapitals: letters >= 2 && capitals == letters, isNumber: onlyDigits,
                startsSentence: atSentenceStart, source: sourceStart)
            wordStart = list.end
            atSentenceStart = false
        }
        letters = 0
        capitals = 0
        onlyDigits = true
        segmentLetters = 0
    }
}
