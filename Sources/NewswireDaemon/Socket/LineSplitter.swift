/// Splits a byte stream into lines, with a bound on a line's length.
struct LineSplitter {
    /// Longest line accepted, in bytes (a client's requests are tiny).
    let maxLineBytes: Int
    private var pending: [UInt8] = []
    /// After an overlong line, the rest of it is skipped, up to its newline.
    private var skippingRest = false

    init(maxLineBytes: Int = 4096) { self.maxLineBytes = maxLineBytes }

    enum Output: Equatable {
        case line(String)
        /// The client sent more than `maxLineBytes` without a newline.
        case overlong
    }

    /// Feeds bytes; returns the complete lines (without their newline).
    mutating func feed<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> [Output] {
        var out: [Output] = []
        for byte in bytes {
            if skippingRest {
                if byte == UInt8(ascii: "\n") { skippingRest = false }
                continue
            }
            if byte == UInt8(ascii: "\n") {
                if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
                out.append(.line(String(decoding: pending, as: UTF8.self)))
                pending.removeAll(keepingCapacity: true)
            } else {
                pending.append(byte)
                if pending.count > maxLineBytes {
                    pending.removeAll()
                    skippingRest = true
                    out.append(.overlong)
                }
            }
        }
        return out
    }

    /// At the end of the input: the last line when it had no newline (`printf '{"since":0}' | nc -U`
    /// sends its request that way), nil when nothing is pending.
    mutating func finish() -> Output? {
        guard !pending.isEmpty else { return nil }
        if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
        defer { pending.removeAll() }
        return .line(String(decoding: pending, as: UTF8.self))
    }
}
