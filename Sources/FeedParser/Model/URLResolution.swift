/// Resolves relative references against a base URL (RFC 3986 §5.2) on strings, so that the
/// characters of an absolute link are never re-encoded.
enum URLResolution {
    /// `reference` made absolute against `base`; unchanged when it is absolute or there is no base.
    static func resolve(_ reference: String, against base: String?) -> String {
        guard let base, !base.isEmpty, !hasScheme(reference) else { return reference }
        guard let parts = Parts(base), parts.scheme != nil else { return reference }
        let scheme = parts.scheme!
        if reference.isEmpty { return base }
        if reference.hasPrefix("//") { return scheme + ":" + reference }
        let authority = parts.authority.map { "//" + $0 } ?? ""
        if reference.hasPrefix("#") {
            return scheme + ":" + authority + parts.path + (parts.query.map { "?" + $0 } ?? "") + reference
        }
        if reference.hasPrefix("?") { return scheme + ":" + authority + parts.path + reference }
        var path = reference
        var suffix = ""
        if let mark = path.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            suffix = String(path[mark...])
            path = String(path[..<mark])
        }
        if !path.hasPrefix("/") {
            if parts.authority != nil, parts.path.isEmpty {
                path = "/" + path
            } else if let slash = parts.path.lastIndex(of: "/") {
                path = parts.path[...slash] + path
            }
        }
        return scheme + ":" + authority + removingDotSegments(path) + suffix
    }

    /// Whether `text` starts with a scheme (`http:`, `mailto:`): an ASCII letter, then letters,
    /// digits, `+`, `-` or `.`, then a colon.
    static func hasScheme(_ text: String) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable({ hasScheme(UnsafeRawBufferPointer($0)) }) {
            return answer
        }
        return Array(text.utf8).withUnsafeBytes { hasScheme($0) }
    }

    /// Whether the UTF-8 bytes start with a scheme.
    static func hasScheme(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for (offset, byte) in bytes.enumerated() {
            let letter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            if letter { continue }
            guard offset > 0 else { return false }
            if byte == UInt8(ascii: ":") { return true }
            let digit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            guard digit || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else {
                return false
            }
        }
        return false
    }

    static func removingDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if output.count > 1 { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        return output.joined(separator: "/")
    }

    /// The components of an absolute URL.
    private struct Parts {
        var scheme: String?
        var authority: String?
        var path: String
        var query: String?

        init?(_ url: String) {
            var rest = Substring(url)
            if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
            guard URLResolution.hasScheme(String(rest)), let colon = rest.firstIndex(of: ":") else { return nil }
            scheme = String(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
            if rest.hasPrefix("//") {
                rest = rest.dropFirst(2)
                let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
                authority = String(rest[..<end])
                rest = rest[end...]
            }
            if let question = rest.firstIndex(of: "?") {
                query = String(rest[rest.index(after: question)...])
                rest = rest[..<question]
            }
            path = String(rest)
        }
    }
}
