public import Foundation

/// Reads RSS, RDF, Atom and JSON Feed documents. Placeholder: being implemented.
public enum FeedParser {
    /// Parses one document.
    /// - Parameters:
    ///   - data: the body as received (already decompressed).
    ///   - contentType: the HTTP `Content-Type` header, whose charset is a hint.
    ///   - documentURL: where the document came from, to resolve relative links.
    ///   - now: the fetch time, used in place of impossible dates.
    /// - Throws: `FeedParseError` when nothing could be read.
    public static func parse(_ data: Data, contentType: String? = nil, documentURL: URL? = nil,
                             now: Date = Date()) throws(FeedParseError) -> ParsedFeed {
        throw FeedParseError("not implemented yet")
    }
}
