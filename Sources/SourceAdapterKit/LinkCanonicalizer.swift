import Foundation

/// Turns the many spellings of one article link into one key.
///
/// Folds the scheme (http and https are one), host case, a leading `www.`, default ports,
/// fragments, trailing slashes, percent-encoding of unreserved characters, tracking
/// parameters (global rules plus the outlet's own) and the order of the remaining query.
/// The result is a URL string (always `https://`) that is only used as an identity key.
public struct LinkCanonicalizer: Sendable {
    public let rules: LinkRules

    /// - Parameter outletRules: the adapter's rules, added to `LinkRules.global`.
    public init(outletRules: LinkRules = LinkRules()) {
        self.rules = LinkRules.global.merged(with: outletRules)
    }

    /// The canonical key of `link`, or nil when it is not an http(s) URL with a host.
    public func canonicalize(_ link: String) -> String? {
        let trimmed = link.trimmingWhitespaceAndNewlines()
        guard let components = URLComponents(string: trimmed) ?? URLComponents(string: Self.escapeLoosely(trimmed)),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            var host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        if host.hasSuffix(".") { host.removeLast() }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        if let alias = rules.hostAliases[host] { host = alias }

        var result = "https://" + host
        if let port = components.port, port != 80, port != 443 { result += ":\(port)" }
        result += canonicalPath(components.percentEncodedPath)
        if let query = canonicalQuery(components.percentEncodedQuery) { result += "?" + query }
        return result
    }

    /// The link as published, without its tracking parameters and fragment: what a reader is given.
    public func clean(_ link: String) -> String {
        let trimmed = link.trimmingWhitespaceAndNewlines()
        guard var components = URLComponents(string: trimmed) else { return trimmed }
        components.fragment = nil
        if let items = components.percentEncodedQueryItems {
            let kept = items.filter { !rules.isTracking($0.name.removingPercentEncoding ?? $0.name) }
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
            let decodedName = name.removingPercentEncoding ?? name
            return rules.isTracking(decodedName) ? nil : Self.normalizePercentEncoding(String(pair))
        }
        return kept.isEmpty ? nil : kept.sorted().joined(separator: "&")
    }

    /// Decodes percent-escapes of unreserved characters and upper-cases the hex of the others.
    static func normalizePercentEncoding(_ s: String) -> String {
        guard s.contains("%") else { return s }
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

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? v + UInt8(ascii: "0") : v - 10 + UInt8(ascii: "A") }

    private static func isUnreserved(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }
}
