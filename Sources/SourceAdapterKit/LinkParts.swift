import Foundation

/// The parts of an http(s) link that canonicalization reads: lowercase scheme, host as written, port,
/// and the path and query exactly as written (percent-encoded).
///
/// Most links in feeds are plain (`https://host/path?query`, printable ASCII, valid escapes, no user
/// or port): those are split by hand, which costs a fraction of `URLComponents`' full RFC 3986 parse.
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
        guard let parts = link.withUTF8({ Self.split($0) }) else { return nil }
        self = parts
    }

    /// The parts `URLComponents` finds; `nil` without a scheme or a host.
    init?(components: URLComponents) {
        guard let scheme = components.scheme, let host = components.host else { return nil }
        self.init(
            scheme: scheme.lowercased(), host: host, port: components.port, path: components.percentEncodedPath,
            query: components.percentEncodedQuery)
    }

    init(scheme: String, host: String, port: Int?, path: String, query: String?) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.query = query
    }

    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> LinkParts? {
        // Scheme: http or https, in any case, then `://`.
        var index = 0
        while index < bytes.count, index < 6, bytes[index] != UInt8(ascii: ":") { index += 1 }
        let schemeLength = index
        guard schemeLength == 4 || schemeLength == 5, index + 3 <= bytes.count,
            bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/")
        else { return nil }
        let scheme = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<schemeLength]), as: UTF8.self)
            .lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        // Host: letters, digits, dots and hyphens only (no user, no port, no escapes, no IP literal).
        index += 3
        let hostStart = index
        while index < bytes.count, isHostByte(bytes[index]) { index += 1 }
        guard index > hostStart else { return nil }
        let hostEnd = index
        if index < bytes.count {
            let next = bytes[index]
            guard next == UInt8(ascii: "/") || next == UInt8(ascii: "?") || next == UInt8(ascii: "#") else {
                return nil
            }
        }
        // Path, query and fragment: characters RFC 3986 allows there, escapes well formed, one `#`.
        let pathStart = index
        var queryStart: Int?
        var fragmentStart: Int?
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "?") where queryStart == nil && fragmentStart == nil:
                queryStart = index
            case UInt8(ascii: "#"):
                guard fragmentStart == nil else { return nil }
                fragmentStart = index
            case UInt8(ascii: "%"):
                guard index + 2 < bytes.count, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else {
                    return nil
                }
            default:
                guard isPlainByte(byte) else { return nil }
            }
            index += 1
        }
        let pathEnd = queryStart ?? fragmentStart ?? bytes.count
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        return LinkParts(
            scheme: scheme, host: text(hostStart..<hostEnd), port: nil, path: text(pathStart..<pathEnd),
            query: queryStart.map { text(($0 + 1)..<(fragmentStart ?? bytes.count)) })
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
    }

    /// Unreserved characters, sub-delimiters, `:`, `/` and `?`: what a path, query or fragment may hold
    /// as is (`@` is left to `URLComponents`).
    private static func isPlainByte(_ byte: UInt8) -> Bool {
        if isAlphanumeric(byte) { return true }
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"),
            UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
            UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "?"):
            return true
        default:
            return false
        }
    }
}
