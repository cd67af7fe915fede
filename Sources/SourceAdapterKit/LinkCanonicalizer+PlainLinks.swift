/// The canonical key and the cleaned form of a plain link (`PlainLink`), made from its bytes.
///
/// They give exactly what the `LinkParts` and `URLComponents` paths give (tests compare them link by
/// link), without a string per part: this runs twice for every item of every poll. A plain link whose
/// query needs the general rules (an escaped parameter name, an empty parameter) gets `nil` here and
/// takes the general path.
extension LinkCanonicalizer {
    /// The canonical key of a plain link (see `canonicalize`), or `nil` to use the general path.
    ///
    /// Written into a buffer on the stack and copied once into the key: no array per link. Escapes only
    /// shrink, so `https://`, the host (or its longest alias), the path and the query bound its size.
    /// `prefix`, when given, is written first (see `canonicalize(_:prefixedWith:)`).
    func canonicalPlain(_ bytes: UnsafeBufferPointer<UInt8>, _ link: PlainLink, prefix: StaticString = "") -> String? {
        let capacity =
            prefix.utf8CodeUnitCount + "https://".utf8.count + max(link.host.count, longestHostAlias) + link.path.count
            + 1
            + (link.query?.count ?? 0)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var out = ByteWriter(buffer)
            out.append(contentsOf: prefix)
            out.append(contentsOf: "https://")
            appendCanonicalHost(bytes[link.host], to: &out)
            let pathStart = out.count
            Self.appendNormalizingPercentEncoding(bytes[link.path], to: &out, mayHoldEscapes: link.hasEscapes)
            foldPath(from: pathStart, in: &out)
            if let query = link.query, !query.isEmpty {
                guard
                    appendCanonicalQuery(
                        UnsafeBufferPointer(rebasing: bytes[query]), to: &out, mayHoldEscapes: link.hasEscapes)
                else { return nil }
            }
            return out.string
        }
    }

    /// Appends `?` and the kept parameters of `query`, normalized and sorted (see `canonicalQuery`), to
    /// `out`; nothing when none is kept. False when the query needs the general rules. Without
    /// `mayHoldEscapes` the query holds no `%`.
    private func appendCanonicalQuery(
        _ query: UnsafeBufferPointer<UInt8>, to out: inout ByteWriter, mayHoldEscapes: Bool
    ) -> Bool {
        // The parameters are normalized one after another into a second buffer, then sorted by their
        // ranges there: a kept parameter is at least one byte and an `&`, so half the query bounds them.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: query.count) { normalizedBuffer in
            withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: query.count / 2 + 1) { keptBuffer in
                var normalized = ByteWriter(normalizedBuffer)
                var keptCount = 0
                var pairStart = 0
                for index in 0...query.count where index == query.count || query[index] == UInt8(ascii: "&") {
                    let pair = query[pairStart..<index]
                    pairStart = index + 1
                    guard let first = pair.first else { continue }
                    let nameEnd = pair.firstIndex(of: UInt8(ascii: "=")) ?? index
                    let name = query[pair.startIndex..<nameEnd]
                    guard first != UInt8(ascii: "="), !(mayHoldEscapes && name.contains(UInt8(ascii: "%"))) else {
                        return false
                    }
                    if tracking.contains(UnsafeBufferPointer(rebasing: name)) { continue }
                    let start = normalized.count
                    Self.appendNormalizingPercentEncoding(pair, to: &normalized, mayHoldEscapes: mayHoldEscapes)
                    keptBuffer[keptCount] = start..<normalized.count
                    keptCount += 1
                }
                let written = UnsafeBufferPointer(rebasing: normalizedBuffer[..<normalized.count])
                var kept = UnsafeMutableBufferPointer(rebasing: keptBuffer[..<keptCount])
                kept.sort { written[$0].lexicographicallyPrecedes(written[$1]) }
                for (position, range) in kept.enumerated() {
                    out.append(position == 0 ? UInt8(ascii: "?") : UInt8(ascii: "&"))
                    out.append(contentsOf: written[range])
                }
                return true
            }
        }
    }

    /// The link without its tracking parameters and fragment (see `clean`), or `nil` to use the
    /// general path. `URLComponents` keeps the rest as written.
    ///
    /// Written into a buffer on the stack: a link that loses nothing is not copied at all, and one that
    /// does is copied once, into its string.
    func cleanPlain(_ bytes: UnsafeBufferPointer<UInt8>, _ link: PlainLink) -> CleanedPlainLink? {
        guard !bytes[link.scheme].contains(where: { $0 < UInt8(ascii: "a") }) else { return nil }
        guard let query = link.query else {
            return link.fragment == nil
                ? .unchanged : .copying(UnsafeBufferPointer(rebasing: bytes[..<link.path.upperBound]))
        }
        guard !query.isEmpty else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer -> CleanedPlainLink? in
            var out = ByteWriter(buffer)
            out.append(contentsOf: bytes[0..<link.path.upperBound])
            var pairStart = query.lowerBound
            var kept = 0
            for index in query.lowerBound...query.upperBound
            where index == query.upperBound || bytes[index] == UInt8(ascii: "&") {
                let pair = bytes[pairStart..<index]
                pairStart = index + 1
                let nameEnd = pair.firstIndex(of: UInt8(ascii: "=")) ?? index
                let name = bytes[pair.startIndex..<nameEnd]
                guard !name.isEmpty, !(link.hasEscapes && name.contains(UInt8(ascii: "%"))) else { return nil }
                if tracking.contains(UnsafeBufferPointer(rebasing: name)) { continue }
                out.append(kept == 0 ? UInt8(ascii: "?") : UInt8(ascii: "&"))
                out.append(contentsOf: pair)
                kept += 1
            }
            return out.count == bytes.count ? .unchanged : .copying(out.written)
        }
    }

    /// The host lowercased, without a final dot or a leading `www.`, through the outlet's aliases.
    private func appendCanonicalHost(_ host: Slice<UnsafeBufferPointer<UInt8>>, to out: inout ByteWriter) {
        var start = host.startIndex, end = host.endIndex
        if host[end - 1] == UInt8(ascii: ".") { end -= 1 }
        if end - start >= 4, TrackingNames.lowercased(host[start]) == UInt8(ascii: "w"),
            TrackingNames.lowercased(host[start + 1]) == UInt8(ascii: "w"),
            TrackingNames.lowercased(host[start + 2]) == UInt8(ascii: "w"), host[start + 3] == UInt8(ascii: ".")
        {
            start += 4
        }
        let hostStart = out.count
        out.appendLowercased(host[start..<end])
        guard !rules.hostAliases.isEmpty else { return }
        if let alias = rules.hostAliases[String(decoding: out.written[hostStart...], as: UTF8.self)] {
            out.removeLast(out.count - hostStart)
            out.append(utf8Of: alias)
        }
    }

    /// `canonicalPath` on the path written from `start` to the end of `out`.
    private func foldPath(from start: Int, in out: inout ByteWriter) {
        for prefix in rules.ampPathPrefixes {
            let prefixBytes = Array(prefix.utf8)
            let length = prefixBytes.count
            if out.count - start > length, out.written[start..<(start + length)].elementsEqual(prefixBytes),
                out.written[start + length] == UInt8(ascii: "/")
            {
                out.remove(start..<(start + length))
            }
        }
        if out.count - start >= 4, out.hasSuffix("/amp") { out.removeLast(4) }
        while out.count - start > 1, out.last == UInt8(ascii: "/") { out.removeLast(1) }
        if out.count - start == 1, out.last == UInt8(ascii: "/") { out.removeLast(1) }
    }

    /// `normalizePercentEncoding` of `part`, appended to `out`.
    /// Without `mayHoldEscapes` (no `%` in the whole link, see `PlainLink.hasEscapes`) the part is not
    /// searched for one.
    static func appendNormalizingPercentEncoding(
        _ part: Slice<UnsafeBufferPointer<UInt8>>, to out: inout ByteWriter, mayHoldEscapes: Bool
    ) {
        guard mayHoldEscapes, part.contains(UInt8(ascii: "%")) else {
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

/// What `cleanPlain` makes of a link.
enum CleanedPlainLink {
    /// The link loses nothing: it is its own cleaned form.
    case unchanged
    /// The cleaned link, shorter.
    case cleaned(String)

    /// `cleaned`, with `bytes` as its string.
    static func copying(_ bytes: UnsafeBufferPointer<UInt8>) -> Self {
        .cleaned(String(decoding: bytes, as: UTF8.self))
    }
}

/// Bytes written one after another into a buffer the caller sized: the canonical key or cleaned link of
/// a plain link is made on the stack, with no array grown and freed per link.
struct ByteWriter {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    /// Bytes written so far.
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    /// The bytes written so far.
    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buffer[..<count]) }
    /// They, as a string.
    var string: String { String(decoding: written, as: UTF8.self) }
    var last: UInt8? { count > 0 ? buffer[count - 1] : nil }

    mutating func append(_ byte: UInt8) {
        precondition(count < buffer.count)
        buffer[count] = byte
        count += 1
    }

    mutating func append(contentsOf bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        precondition(bytes.count <= buffer.count - count)
        guard let source = bytes.base.baseAddress, !bytes.isEmpty else { return }
        (buffer.baseAddress! + count).update(from: source + bytes.startIndex, count: bytes.count)
        count += bytes.count
    }

    /// Appends a literal (`https://`): its bytes are at hand, where walking a `String`'s UTF-8 view cost
    /// more than 300 instructions for these eight bytes.
    mutating func append(contentsOf text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)[...])
    }

    /// Appends the UTF-8 of `text` (a host alias). Named apart so that a literal is a `StaticString`.
    mutating func append(utf8Of text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0[...]) }
    }

    /// Whether the bytes written end with those of `suffix`.
    func hasSuffix(_ suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard count >= length else { return false }
        for offset in 0..<length where buffer[count - length + offset] != suffix.utf8Start[offset] { return false }
        return true
    }

    /// Appends `bytes` with ASCII capitals lowercased: one capacity check for the run, and the case bit
    /// set without a branch (a host is lowercased for every key).
    mutating func appendLowercased(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        precondition(bytes.count <= buffer.count - count)
        for byte in bytes {
            buffer[count] = byte | (byte &- UInt8(ascii: "A") < 26 ? 0x20 : 0)
            count += 1
        }
    }

    mutating func removeLast(_ removed: Int) { count -= removed }

    /// Removes the bytes of `range`, moving those after it down.
    mutating func remove(_ range: Range<Int>) {
        let base = UnsafeMutableRawPointer(buffer.baseAddress!)
        (base + range.lowerBound).copyMemory(from: base + range.upperBound, byteCount: count - range.upperBound)
        count -= range.count
    }
}
