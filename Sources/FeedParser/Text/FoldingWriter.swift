/// Collects UTF-8 text while folding every run of white space into one space and trimming both
/// ends. White space means what Python's `str.split()` splits on: ASCII spaces and controls
/// 0x1C–0x1F, NEL, NO-BREAK SPACE, the Unicode space separators and line/paragraph separators.
struct FoldingWriter {
    private var bytes: [UInt8] = []
    private var pendingSpace = false
    /// Bytes of a possible multi-byte space held until it is known.
    private var held: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Ends the current word (a block boundary in HTML).
    mutating func separate() {
        flushHeld()
        if !bytes.isEmpty { pendingSpace = true }
    }

    @inline(__always)
    mutating func append(byte: UInt8) {
        if held.isEmpty {
            if byte < 0x80 {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || (byte >= 0x1C && byte <= 0x1F) {
                    if !bytes.isEmpty { pendingSpace = true }
                    return
                }
                writePendingSpace()
                bytes.append(byte)
                return
            }
            if byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3 {
                held.append(byte)
                return
            }
            writePendingSpace()
            bytes.append(byte)
            return
        }
        held.append(byte)
        switch Self.classify(held) {
        case .space:
            held.removeAll(keepingCapacity: true)
            if !bytes.isEmpty { pendingSpace = true }
        case .notSpace:
            flushHeld()
        case .undecided:
            break
        }
    }

    mutating func append(scalar: UInt32) {
        if scalar < 0x80 {
            append(byte: UInt8(scalar))
            return
        }
        var encoded: [UInt8] = []
        UTF8Encoding.append(scalar, to: &encoded)
        for byte in encoded { append(byte: byte) }
    }

    mutating func finish() -> String {
        flushHeld()
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func writePendingSpace() {
        if pendingSpace {
            bytes.append(0x20)
            pendingSpace = false
        }
    }

    private mutating func flushHeld() {
        guard !held.isEmpty else { return }
        writePendingSpace()
        bytes.append(contentsOf: held)
        held.removeAll(keepingCapacity: true)
    }

    private enum Verdict { case space, notSpace, undecided }

    private static func classify(_ held: [UInt8]) -> Verdict {
        switch held.count {
        case 2:
            if held[0] == 0xC2 { return held[1] == 0xA0 || held[1] == 0x85 ? .space : .notSpace }
            switch (held[0], held[1]) {
            case (0xE1, 0x9A), (0xE2, 0x80), (0xE2, 0x81), (0xE3, 0x80): return .undecided
            default: return .notSpace
            }
        case 3:
            switch (held[0], held[1], held[2]) {
            case (0xE1, 0x9A, 0x80), (0xE2, 0x80, 0x80...0x8A), (0xE2, 0x80, 0xA8), (0xE2, 0x80, 0xA9),
                 (0xE2, 0x80, 0xAF), (0xE2, 0x81, 0x9F), (0xE3, 0x80, 0x80):
                return .space
            default: return .notSpace
            }
        default:
            return .notSpace
        }
    }
}
