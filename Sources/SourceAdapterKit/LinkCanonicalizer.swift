public import Foundation

/// Turns the many spellings of one article link into one key.
///
/// Folds the scheme (http and https are one), host case, a leading `www.`, default ports,
/// fragments, trailing slashes, percent-encoding of unreserved characters, tracking
/// parameters (global rules plus the outlet's own) and the order of the remaining query.
/// The result is a URL string (always `https://`) that is only used as an identity key.
public struct LinkCanonicalizer: Sendable {
    public let rules: LinkRules
    /// The rules' tracking parameters as bytes, for plain links.
    let tracking: TrackingNames
    /// The UTF-8 length of the longest host alias of the rules (0 without any), to size plain keys.
    let longestHostAlias: Int

    /// - Parameter outletRules: the adapter's rules, added to `LinkRules.global`.
    public init(outletRules: LinkRules = LinkRules()) {
        self.rules = LinkRules.global.merged(with: outletRules)
        self.tracking = TrackingNames(rules)
        self.longestHostAlias = rules.hostAliases.values.map(\.utf8.count).max() ?? 0
    }

    /// The canonical key of `link`, or nil when it is not an http(s) URL with a host.
    public func canonicalize(_ link: String) -> String? {
        var trimmed = Whitespace.trimmed(link)
        let plain = trimmed.withUTF8 { bytes in PlainLink(bytes).flatMap { canonicalPlain(bytes, $0) } }
        if let plain { return plain }
        return canonicalWithParts(trimmed)
    }

    /// `prefix` followed by `canonicalize(link)`, made as one string: an identity key (`url:…`) made
    /// without first making the canonical link a string of its own, when only the key is wanted.
    public func canonicalize(_ link: String, prefixedWith prefix: StaticString) -> String? {
        var trimmed = Whitespace.trimmed(link)
        let plain = trimmed.withUTF8 { bytes in
            PlainLink(bytes).flatMap { canonicalPlain(bytes, $0, prefix: prefix) }
        }
        if let plain { return plain }
        return canonicalWithParts(trimmed).map { prefix.description + $0 }
    }

    /// `canonicalize` of a trimmed link through `LinkParts` (a link that is not plain).
    private func canonicalWithParts(_ trimmed: String) -> String? {
        guard let parts = LinkParts(plain: trimmed) ?? Self.parse(trimmed) else { return nil }
        return canonical(parts)
    }

    /// `canonicalize(link.absoluteString)` and `cleanedLink(link)` from one reading of the link: an
    /// item needs both, and a plain link is then parsed once instead of twice.
    public func canonicalAndCleanedLink(_ link: URL) -> (canonical: String?, cleaned: String) {
        let original = link.absoluteString
        var trimmed = Whitespace.trimmed(original)
        let plain = trimmed.withUTF8 { bytes in
            PlainLink(bytes).map { (canonicalPlain(bytes, $0), cleanPlain(bytes, $0)) }
        }
        let canonical = plain?.0 ?? canonicalWithParts(trimmed)
        // What `cleanPlain` keeps of a link is made of bytes that `isVerbatimURL` accepts, after a
        // lowercase scheme: `cleanedLink` would give it back as is.
        switch plain?.1 {
        case .unchanged: return (canonical, trimmed)
        case .cleaned(let cleaned): return (canonical, cleaned)
        case nil: return (canonical, urlString(cleaned: cleanWithComponents(trimmed), original: original))
        }
    }

    /// The canonical key of a link's parts (see `canonicalize`).
    func canonical(_ parts: LinkParts) -> String? {
        var host = parts.host.lowercased()
        guard parts.scheme == "http" || parts.scheme == "https", !host.isEmpty else { return nil }
        if host.hasSuffix(".") { host.removeLast() }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        if let alias = rules.hostAliases[host] { host = alias }

        var result = "https://" + host
        if let port = parts.port, port != 80, port != 443 { result += ":\(port)" }
        result += canonicalPath(parts.path)
        if let query = canonicalQuery(parts.query) { result += "?" + query }
        return result
    }

    /// The parts of any link `URLComponents` reads, as is or once loosely escaped.
    static func parse(_ link: String) -> LinkParts? {
        guard let components = URLComponents(string: link) ?? URLComponents(string: escapeLoosely(link)) else {
            return nil
        }
        return LinkParts(components: components)
    }

    /// The link as published, without its tracking parameters and fragment: what a reader is given.
    public func clean(_ link: String) -> String {
        var trimmed = Whitespace.trimmed(link)
        let plain = trimmed.withUTF8 { bytes in PlainLink(bytes).flatMap { cleanPlain(bytes, $0) } }
        switch plain {
        case .unchanged: return trimmed
        case .cleaned(let cleaned): return cleaned
        case nil: return cleanWithComponents(trimmed)
        }
    }

    /// `clean` of a link already read as a `URL`, as `URL(string:)` would give it back
    /// (`absoluteString`): the cleaned text itself when every character of it is one a URL keeps
    /// verbatim (nearly every link: no second parse), else what `URL` makes of it, or the link as
    /// it was when that fails.
    public func cleanedLink(_ link: URL) -> String {
        let original = link.absoluteString
        return urlString(cleaned: clean(original), original: original)
    }

    /// `cleaned`, the cleaned form of `original`, as `URL(string:)` gives it back (see `cleanedLink`).
    private func urlString(cleaned: String, original: String) -> String {
        if cleaned == original || Self.isVerbatimURL(cleaned) { return cleaned }
        return URL(string: cleaned)?.absoluteString ?? original
    }

    /// Whether `text` is made only of characters that URLs carry as they are (RFC 3986's
    /// unreserved and reserved characters but `[` and `]`, and `%` with two hexadecimal digits),
    /// after an http(s) scheme: `URL(string:)` then keeps it unchanged.
    static func isVerbatimURL(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.starts(with: "http://".utf8) || bytes.starts(with: "https://".utf8) else { return false }
            // Read once: each read of a global initialised at run time checks that it was initialised.
            let verbatim = verbatimURLBytes
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "%") {
                    guard index + 2 < bytes.count, PlainLink.isHexDigit(bytes[index + 1]),
                        PlainLink.isHexDigit(bytes[index + 2])
                    else { return false }
                    index += 3
                    continue
                }
                guard verbatim.contains(byte) else { return false }
                index += 1
            }
            return true
        }
    }

    /// `clean` for any link, through `URLComponents`.
    func cleanWithComponents(_ trimmed: String) -> String {
        guard var components = URLComponents(string: trimmed) else { return trimmed }
        components.fragment = nil
        if let items = components.percentEncodedQueryItems {
            let kept = items.filter { !rules.isTracking(Self.decodedName($0.name)) }
            components.percentEncodedQueryItems = kept.isEmpty ? nil : kept
        }
        return components.string ?? trimmed
    }

    private func canonicalPath(_ raw: String) -> String {
        var path = Self.normalizePercentEncoding(raw)
        for prefix in rules.ampPathPrefixes where path.hasPrefix(prefix + "/") {
            path.removeFirst(prefix.count)
        }
        if path.hasSuffix("/amp") { path.removeLast(4) }
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        if path == "/" { path = "" }
        return path
    }

    private func canonicalQuery(_ raw: String?) -> String? {
        guard let raw, !raw.isEmpty else { return nil }
        let kept = raw.split(separator: "&", omittingEmptySubsequences: true).compactMap { pair -> String? in
            let name = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            return rules.isTracking(Self.decodedName(name)) ? nil : Self.normalizePercentEncoding(String(pair))
        }
        return kept.isEmpty ? nil : kept.sorted().joined(separator: "&")
    }

    /// A query parameter's name with its percent-escapes decoded (most names have none).
    private static func decodedName(_ name: String) -> String {
        guard name.utf8.contains(UInt8(ascii: "%")) else { return name }
        return name.removingPercentEncoding ?? name
    }

    /// Decodes percent-escapes of unreserved characters and upper-cases the hex of the others.
    static func normalizePercentEncoding(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "%")) else { return s }
        var out = [UInt8]()
        let bytes = Array(s.utf8)
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let hi = hexValue(bytes[i + 1]),
                let lo = hexValue(bytes[i + 2])
            {
                let value = hi << 4 | lo
                if isUnreserved(value) {
                    out.append(value)
                } else {
                    out.append(contentsOf: [UInt8(ascii: "%"), hexDigit(hi), hexDigit(lo)])
                }
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Percent-encodes what URLComponents refuses (spaces, non-ASCII) so that such links still parse.
    static func escapeLoosely(_ s: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.insert(charactersIn: "#%")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? v + UInt8(ascii: "0") : v - 10 + UInt8(ascii: "A") }

    static func isUnreserved(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }
}

/// The bytes `LinkCanonicalizer.isVerbatimURL` accepts as they are (see there).
private let verbatimURLBytes = ASCIISet(
    characters: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$&'()*+,;=")
