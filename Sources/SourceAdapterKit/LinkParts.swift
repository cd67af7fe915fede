import Foundation

/// The parts of an http(s) link that canonicalization reads: lowercase scheme, host as written, port,
/// and the path and query exactly as written (percent-encoded).
///
/// Most links in feeds are plain (`https://host/path?query`, printable ASCII, valid escapes, no user
/// or port): those are split by hand (`PlainLink`), which costs a fraction of `URLComponents`' full
/// RFC 3986 parse.
/// Any other link goes through `URLComponents`, which gives the same parts for plain links.
struct LinkParts: Equatable {
    var scheme: String
    var host: String
    var port: Int?
    var path: String
    var query: String?

    /// Splits a plain http or https link; `nil` for anything else (let `URLComponents` decide).
    init?(plain link: String) {
        var link = link
        guard let parts = link.withUTF8({ bytes in PlainLink(bytes).map { Self(bytes, $0) } }) else { return nil }
        self = parts
    }

    /// The parts `URLComponents` finds; `nil` without a scheme or a host.
    init?(components: URLComponents) {
        guard let scheme = components.scheme, let host = components.host else { return nil }
        self.init(
            scheme: scheme.lowercased(), host: host, port: components.port, path: components.percentEncodedPath,
            query: components.percentEncodedQuery)
    }

    private init(_ bytes: UnsafeBufferPointer<UInt8>, _ link: PlainLink) {
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        self.init(
            scheme: link.isSecure ? "https" : "http", host: text(link.host), port: nil, path: text(link.path),
            query: link.query.map(text))
    }

    init(scheme: String, host: String, port: Int?, path: String, query: String?) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.query = query
    }
}
