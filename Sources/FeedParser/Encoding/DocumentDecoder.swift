import Foundation

/// A document converted to UTF-8, with what the conversion had to guess or repair.
struct DecodedDocument {
    /// The UTF-8 bytes, without any byte-order mark.
    var bytes: Data
    var charset: Charset
    var issues: [String]
}

/// Decides a document's charset from its BOM, the HTTP charset and its XML declaration, and
/// converts it to UTF-8.
///
/// The candidates are tried in order (BOM, HTTP charset, XML declaration, UTF-8, windows-1252,
/// ISO-8859-2);
/// the first that decodes the whole document without error wins. When none does, the first
/// candidate is used with each invalid byte replaced by U+FFFD. Disagreements and fallbacks are
/// reported as issues; the document is never dropped for its bytes.
enum DocumentDecoder {
    /// Converts `data` to UTF-8. `contentType` is the HTTP header whose charset is a hint.
    static func decode(_ data: Data, contentType: String?) -> DecodedDocument {
        data.withUnsafeBytes { raw in decode(raw, original: data, contentType: contentType) }
    }

    private static func decode(
        _ raw: UnsafeRawBufferPointer, original: Data,
        contentType: String?
    ) -> DecodedDocument {
        var issues: [String] = []
        let mark = CharsetSniffing.byteOrderMark(raw)
        let body = UnsafeRawBufferPointer(rebasing: raw[(mark?.length ?? 0)...])
        let httpLabel = CharsetSniffing.httpCharset(contentType)
        let declaredLabel = declaredEncoding(body, family: mark?.charset)

        var candidates: [Charset] = []
        func consider(_ charset: Charset?) {
            guard var charset else { return }
            if charset.isWideUnicode, let sniffed = mark?.charset, sniffed.isWideUnicode { charset = sniffed }
            if !candidates.contains(charset) { candidates.append(charset) }
        }
        let markIsGuess = mark?.length == 0
        if !markIsGuess { consider(mark?.charset) }
        if let httpLabel {
            if let charset = Charset(label: httpLabel) {
                consider(charset)
            } else {
                issues.append("unknown HTTP charset \"\(httpLabel)\"")
            }
        }
        if let declaredLabel {
            if let charset = Charset(label: declaredLabel) {
                consider(charset)
            } else {
                issues.append("unknown declared encoding \"\(declaredLabel)\"")
            }
        }
        if markIsGuess { consider(mark?.charset) }
        let preferred = candidates.first
        noteDisagreement(mark: mark?.charset, http: httpLabel, declared: declaredLabel, into: &issues)
        consider(.utf8)
        consider(.windows1252)
        consider(.iconv("ISO8859-2"))

        for charset in candidates {
            guard let bytes = strictDecode(body, as: charset, original: original, offset: mark?.length ?? 0) else {
                if charset == .utf8, preferred == nil || preferred == .utf8, UTF8Validation.isMostlyUTF8(body) {
                    // UTF-8 with a few damaged bytes: keep it, replace only the damage.
                    let (repaired, replaced) = UTF8Validation.repaired(body)
                    issues.append("\(replaced) invalid byte(s) for UTF-8 replaced by U+FFFD")
                    return DecodedDocument(bytes: Data(repaired), charset: .utf8, issues: issues)
                }
                continue
            }
            if let preferred, charset != preferred {
                issues.append("document declared as \(preferred.name) but is not; read as \(charset.name)")
            } else if preferred == nil, charset != .utf8 {
                issues.append("no encoding declared and the bytes are not UTF-8; read as \(charset.name)")
            }
            return DecodedDocument(bytes: bytes, charset: charset, issues: issues)
        }
        // Nothing decodes cleanly: keep the preferred reading and replace the bad bytes.
        let charset = preferred ?? .utf8
        let (bytes, replaced) = lenientDecode(body, as: charset)
        issues.append("\(replaced) invalid byte(s) for \(charset.name) replaced by U+FFFD")
        return DecodedDocument(bytes: Data(bytes), charset: charset, issues: issues)
    }

    /// The XML declaration's encoding label, read in the encoding family the first bytes show.
    private static func declaredEncoding(_ body: UnsafeRawBufferPointer, family: Charset?) -> String? {
        switch family {
        case .iconv(let name)?:
            let prefix = UnsafeRawBufferPointer(rebasing: body[..<min(body.count, 400)])
            guard let outcome = IconvTranscoder.convert(prefix, from: name, strict: false) else { return nil }
            return outcome.bytes.withUnsafeBytes { CharsetSniffing.declaredEncoding($0) }
        case let charset? where charset.isWideUnicode:
            return nil
        default:
            return CharsetSniffing.declaredEncoding(body)
        }
    }

    private static func strictDecode(
        _ body: UnsafeRawBufferPointer, as charset: Charset,
        original: Data, offset: Int
    ) -> Data? {
        switch charset {
        case .utf8:
            guard UTF8Validation.firstInvalidOffset(body) == nil else { return nil }
            return offset == 0 ? original : Data(body)
        case .windows1252:
            // The five bytes windows-1252 leaves undefined mean the guess is wrong.
            guard !body.contains(where: { [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }) else { return nil }
            return Data(Windows1252.decode(body))
        case .ascii:
            guard !body.contains(where: { $0 >= 0x80 }) else { return nil }
            return offset == 0 ? original : Data(body)
        default:
            return IconvTranscoder.convert(body, from: charset.iconvName, strict: true).map { Data($0.bytes) }
        }
    }

    private static func lenientDecode(_ body: UnsafeRawBufferPointer, as charset: Charset) -> ([UInt8], Int) {
        switch charset {
        case .utf8, .ascii, .windows1252:
            return UTF8Validation.repaired(body)
        default:
            if let outcome = IconvTranscoder.convert(body, from: charset.iconvName, strict: false) {
                return (outcome.bytes, outcome.invalidBytes)
            }
            return UTF8Validation.repaired(body)
        }
    }

    private static func noteDisagreement(
        mark: Charset?, http: String?, declared: String?,
        into issues: inout [String]
    ) {
        let labels = [
            ("byte-order mark", mark), ("HTTP charset", http.flatMap(Charset.init(label:))),
            ("XML declaration", declared.flatMap(Charset.init(label:))),
        ]
        .compactMap { source, charset in charset.map { (source, $0) } }
        guard let first = labels.first else { return }
        for (source, charset) in labels.dropFirst() where charset != first.1 {
            issues.append("\(first.0) says \(first.1.name) but \(source) says \(charset.name)")
        }
    }
}
