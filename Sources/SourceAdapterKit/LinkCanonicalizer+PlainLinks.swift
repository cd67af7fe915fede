/// The canonical key and the cleaned form of a plain link (`PlainLink`), made from its bytes.
///
/// They give exactly what the `LinkParts` and `URLComponents` paths give (tests compare them link by
/// link), without a string per part: this runs twice for every item of every poll. A plain link whose
/// query needs the general rules (an escaped parameter name, an empty parameter) gets `nil` here and
/// takes the general path.
extension LinkCanonicalizer {
    /// The canonical key of a plain link (see `canonicalize`), or `nil` to use the general path.
    func canonicalPlain(_ bytes: UnsafeBufferPointer<UInt8>, _ link: PlainLink) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        out.append(contentsOf: "https://".utf8)
        appendCanonicalHost(bytes[link.host], to: &out)
        let pathStart = out.count
        Self.appendNormalizingPercentEncoding(bytes[link.path], to: &out)
        foldPath(from: pathStart, in: &out)
        guard let query = link.query, !query.isEmpty else { return String(decoding: out, as: UTF8.self) }
        var normalized: [UInt8] = []
        normalized.reserveCapacity(query.count)
        var kept: [Range<Int>] = []
        kept.reserveCapacity(8)
        var pairStart = query.lowerBound
        for index in query.lowerBound...query.upperBound
        where index == query.upperBound || bytes[index] == UInt8(ascii: "&") {
            let pair = bytes[pairStart..<index]
            pairStart = index + 1
            guard let first = pair.first else { continue }
            let nameEnd = pair.firstIndex(of: UInt8(ascii: "=")) ?? index
            let name = bytes[pair.startIndex..<nameEnd]
            guard first != UInt8(ascii: "="), !name.contains(UInt8(ascii: "%")) else { return nil }
            if tracking.contains(UnsafeBufferPointer(rebasing: name)) { continue }
            let start = normalized.count
            Self.appendNormalizingPercentEncoding(pair, to: &normalized)
            kept.append(start..<normalized.count)
        }
        guard !kept.isEmpty else { return String(decoding: out, as: UTF8.self) }
        kept.sort { normalized[$0].lexicographicallyPrecedes(normalized[$1]) }
        for (position, range) in kept.enumerated() {
            out.append(position == 0 ? UInt8(ascii: "?") : UInt8(ascii: "&"))
            out.append(contentsOf: normalized[range])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The link without its tracking parameters and fragment (see `clean`), or `nil` to use the
    /// general path. `URLComponents` keeps the rest as written.
    func cleanPlain(_ bytes: UnsafeBufferPointer<UInt8>, _ link: PlainLink) -> [UInt8]? {
        guard !bytes[link.scheme].contains(where: { $0 < UInt8(ascii: "a") }) else { return nil }
        var out = Array(bytes[0..<link.path.upperBound])
        guard let query = link.query else { return out }
        guard !query.isEmpty else { return nil }
        var pairStart = query.lowerBound
        var kept = 0
        for index in query.lowerBound...query.upperBound
        where index == query.upperBound || bytes[index] == UInt8(ascii: "&") {
            let pair = bytes[pairStart..<index]
            pairStart = index + 1
            let nameEnd = pair.firstIndex(of: UInt8(ascii: "=")) ?? index
            let name = bytes[pair.startIndex..<nameEnd]
            guard !name.isEmpty, !name.contains(UInt8(ascii: "%")) else { return nil }
            if tracking.contains(UnsafeBufferPointer(rebasing: name)) { continue }
            out.append(kept == 0 ? UInt8(ascii: "?") : UInt8(ascii: "&"))
            out.append(contentsOf: pair)
            kept += 1
        }
        return out
    }

    /// The host lowercased, without a final dot or a leading `www.`, through the outlet's aliases.
    private func appendCanonicalHost(_ host: Slice<UnsafeBufferPointer<UInt8>>, to out: inout [UInt8]) {
        var start = host.startIndex, end = host.endIndex
        if host[end - 1] == UInt8(ascii: ".") { end -= 1 }
        if end - start >= 4, TrackingNames.lowercased(host[start]) == UInt8(ascii: "w"),
            TrackingNames.lowercased(host[start + 1]) == UInt8(ascii: "w"),
            TrackingNames.lowercased(host[start + 2]) == UInt8(ascii: "w"), host[start + 3] == UInt8(ascii: ".")
        {
            start += 4
        }
        let hostStart = out.count
        out.append(contentsOf: host[start..<end])
        for index in hostStart..<out.count { out[index] = TrackingNames.lowercased(out[index]) }
        guard !rules.hostAliases.isEmpty else { return }
        if let alias = rules.hostAliases[String(decoding: out[hostStart...], as: UTF8.self)] {
            out.removeSubrange(hostStart...)
            out.append(contentsOf: alias.utf8)
        }
    }

    /// `canonicalPath` on the path written from `start` to the end of `out`.
    private func foldPath(from start: Int, in out: inout [UInt8]) {
        for prefix in rules.ampPathPrefixes {
            let prefixBytes = Array(prefix.utf8)
            let length = prefixBytes.count
            if out.count - start > length, out[start..<(start + length)].elementsEqual(prefixBytes),
                out[start + length] == UInt8(ascii: "/")
            {
                out.removeSubrange(start..<(start + length))
            }
        }
        if out.count - start >= 4, out[(out.count - 4)...].elementsEqual("/amp".utf8) { out.removeLast(4) }
        while out.count - start > 1, out.last == UInt8(ascii: "/") { out.removeLast() }
        if out.count - start == 1, out.last == UInt8(ascii: "/") { out.removeLast() }
    }

    /// `normalizePercentEncoding` of `part`, appended to `out`.
    static func appendNormalizingPercentEncoding(_ part: Slice<UnsafeBufferPointer<UInt8>>, to out: inout [UInt8]) {
        guard part.contains(UInt8(ascii: "%")) else {
            out.append(contentsOf: part)  // most paths and parameters have no escape: one copy
            return
        }
        var index = part.startIndex
        while index < part.endIndex {
            let byte = part[index]
            if byte == UInt8(ascii: "%"), index + 2 < part.endIndex, let high = hexValue(part[index + 1]),
                let low = hexValue(part[index + 2])
            {
                let value = high << 4 | low
                if isUnreserved(value) {
                    out.append(value)
                } else {
                    out.append(UInt8(ascii: "%"))
                    out.append(hexDigit(high))
                    out.append(hexDigit(low))
                }
                index += 3
            } else {
                out.append(byte)
                index += 1
            }
        }
    }
}
