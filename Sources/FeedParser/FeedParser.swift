public import Foundation

/// Reads RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed 1.x documents into `ParsedFeed`.
///
/// The work is a pipeline of pure stages: charset detection and conversion to UTF-8
/// (`DocumentDecoder`), a byte-level repair of what XML parsers choke on (`MarkupRepair`, which
/// also hands text libxml2 would pass through unchanged straight to the builder: `ElidedText`), a
/// libxml2 SAX2 push parse driving a feed state machine (`FeedBuilder`), and assembly into clean
/// values (`FeedAssembler`). Damage is recovered from and listed in `ParsedFeed.issues`.
public enum FeedParser {
    /// Parses one document.
    /// - Parameters:
    ///   - data: the body as received (already decompressed).
    ///   - contentType: the HTTP `Content-Type` header, whose charset is a hint.
    ///   - documentURL: where the document came from, to resolve relative links.
    ///   - now: the fetch time, used in place of impossible dates.
    /// - Throws: `FeedParseError` when nothing could be read.
    public static func parse(
        _ data: Data, contentType: String? = nil, documentURL: URL? = nil,
        now: Date = Date()
    ) throws(FeedParseError) -> ParsedFeed {
        guard data.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else {
            throw FeedParseError("empty document: no feed to read")
        }
        let decoded = DocumentDecoder.decode(data, contentType: contentType)
        if JSONFeedReader.looksLikeJSON(decoded.bytes) {
            return try JSONFeedReader.parse(decoded.bytes, documentURL: documentURL, now: now, issues: decoded.issues)
        }
        return try parseXML(decoded, documentURL: documentURL, now: now)
    }

    private static func parseXML(
        _ decoded: DecodedDocument, documentURL: URL?,
        now: Date
    ) throws(FeedParseError) -> ParsedFeed {
        let builder = FeedBuilder(documentBase: documentURL?.absoluteString)
        var repair = MarkupRepair(elidingText: true)
        let started = decoded.bytes.withUnsafeBytes { source in
            var repaired = repair.repair(source)
            if repair.elisionConflict {
                repair = MarkupRepair()
                repaired = repair.repair(source)
            }
            // The elided text points into `source`: the builder may read it only during the parse.
            builder.elided = repair.elided
            defer { builder.elided = nil }
            // Open captures may hold elided text: what a truncated document left open ends here.
            defer { builder.finishDocument() }
            guard let repaired else { return SAXPushParser.parse(source, handler: builder) }
            return repaired.withUnsafeBytes { SAXPushParser.parse($0, handler: builder) }
        }
        guard started else { throw FeedParseError("the XML parser could not start") }

        let format = builder.version.format
        guard format != nil || !builder.entries.isEmpty || builder.sawFeedElement else {
            throw FeedParseError(notAFeedMessage(root: builder.rootElement, errors: builder.errors))
        }
        var issues = decoded.issues + repair.report.issues
        if builder.errorCount > 0 {
            let shown = builder.errors.prefix(3).joined(separator: "; ")
            issues.append("malformed XML (\(builder.errorCount) error(s)), recovered: \(shown)")
        }
        var assembler = FeedAssembler(now: now, issues: issues)
        return assembler.assemble(format: format, feed: builder.feed, entries: builder.entries)
    }

    private static func notAFeedMessage(root: String?, errors: [String]) -> String {
        guard let root else {
            let reason = errors.first.map { " (\($0))" } ?? ""
            return "not a feed: no XML element found\(reason)"
        }
        if root.lowercased() == "html" { return "not a feed: the document is an HTML page" }
        return "not a feed: the root element is <\(root)>, not rss, feed or rdf:RDF"
    }
}
