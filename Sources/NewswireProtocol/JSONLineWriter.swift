/// Writes one compact JSON object into bytes, exactly as `WireCoding.makeEncoder()` would write
/// it: no whitespace, `/` left as is, the JSON escapes for `"`, `\` and control characters
/// (`\u00XX` in lowercase hex when there is no short form), everything else as UTF-8.
///
/// Callers write the keys of each object in sorted (UTF-8) order and leave out absent optionals,
/// as the encoder does with `.sortedKeys` and synthesized `Codable`. It exists because creating a
/// `JSONEncoder` and encoding through `Codable` for each of tens of thousands of events cost more
/// than storing them.
struct JSONLineWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the container being written has no member yet.
    private var isFirst = true

    init(capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends JSON written ahead (a run of members, or a value), as it is.
    mutating func raw(_ json: [UInt8]) {
        bytes.append(contentsOf: json)
        isFirst = false
    }

    mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        isFirst = true
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        isFirst = false
    }

    /// Starts a member: its separator and its key (a plain ASCII name, needing no escape).
    mutating func key(_ name: StaticString) {
        if !isFirst { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        isFirst = true  // the value that follows needs no separator
    }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { appendEscaped($0) }
        bytes.append(UInt8(ascii: "\""))
        isFirst = false
    }

    mutating func integer(_ value: some BinaryInteger) {
        bytes.append(contentsOf: String(value).utf8)
        isFirst = false
    }

    mutating func strings(_ values: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
        isFirst = false
    }

    mutating func integers(_ values: [some BinaryInteger]) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            integer(value)
        }
        bytes.append(UInt8(ascii: "]"))
        isFirst = false
    }

    /// One member, left out when `value` is nil (as synthesized `Codable` does).
    mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func field(_ name: StaticString, _ value: (some BinaryInteger)?) {
        guard let value else { return }
        key(name)
        integer(value)
    }

    mutating func field(_ name: StaticString, _ values: [String]?) {
        guard let values else { return }
        key(name)
        strings(values)
    }

    mutating func field(_ name: StaticString, _ values: [some BinaryInteger]?) {
        guard let values else { return }
        key(name)
        integers(values)
    }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// Whether any of the eight bytes of `word` needs an escape: below 0x20, `"` or `\`. (Exact
    /// for the word as a whole, not for which byte.)
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let quoteZero = (quote &- ones) & ~quote & highs
        let backslashZero = (backslash &- ones) & ~backslash & highs
        return control | quoteZero | backslashZero != 0
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let base = utf8.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var start = 0
        var index = 0
        let count = utf8.count
        while index < count {
            // Eight bytes at a time while none of them needs an escape (nearly all text).
            if index + 8 <= count, !Self.needsEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = utf8[index]
            index += 1
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            let escaped = index - 1
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<escaped]))
            start = index
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                bytes.append(contentsOf: [Self.hexDigit(byte >> 4), Self.hexDigit(byte & 0x0F)])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
}
