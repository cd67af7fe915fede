/// A minimal streaming JSON text builder with Python's `json.dumps` spacing (`", "`, `": "`).
struct JSONWriter {
    private(set) var text = ""
    /// For each open container: whether something was written in it already.
    private var hasContent: [Bool] = []
    private var afterKey = false

    mutating func beginObject() { open("{") }
    mutating func endObject() { close("}") }
    mutating func beginArray() { open("[") }
    mutating func endArray() { close("]") }

    mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        text += ": "
        afterKey = true
    }

    mutating func string(_ value: String?) {
        separate()
        if let value { appendQuoted(value) } else { text += "null" }
    }

    private mutating func open(_ bracket: String) {
        separate()
        text += bracket
        hasContent.append(false)
    }

    private mutating func close(_ bracket: String) {
        hasContent.removeLast()
        text += bracket
    }

    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = hasContent.indices.last else { return }
        if hasContent[last] { text += ", " } else { hasContent[last] = true }
    }

    private mutating func appendQuoted(_ value: String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
