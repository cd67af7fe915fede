/// Undoes the most common double encoding: UTF-8 bytes read as windows-1252 (or ISO-8859-1) and
/// written out again as UTF-8, which turns `…` into `â€¦` and `é` into `Ã©`.
enum MojibakeRepair {
    /// `text` with its double encoding undone, or `text` itself when it shows none: the repair
    /// applies only when every character maps back to one windows-1252 byte and those bytes
    /// form valid UTF-8 with at least one multi-byte sequence.
    static func repaired(_ text: String) -> String {
        guard hasSignature(text) else { return text }
        var bytes: [UInt8] = []
        var sawHighByte = false
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
                continue
            }
            guard let byte = windows1252Byte(for: scalar.value) else { return text }
            sawHighByte = true
            bytes.append(byte)
        }
        guard sawHighByte else { return text }
        let valid = bytes.withUnsafeBytes { UTF8Validation.firstInvalidOffset($0) == nil }
        return valid ? String(decoding: bytes, as: UTF8.self) : text
    }

    /// A UTF-8 lead byte read as windows-1252 becomes `Â`…`ô` (C3 82…C3 B4 in UTF-8), and the
    /// continuation byte after it a character encoded from C2, C5, C6, CB or E2: without that
    /// pair the text cannot be double-encoded, and the check is one pass over bytes.
    private static func hasSignature(_ text: String) -> Bool {
        let utf8 = text.utf8
        let found = utf8.withContiguousStorageIfAvailable { storage -> Bool in
            let bytes = UnsafeRawBufferPointer(storage)
            var cursor = 0
            while let index = ByteSearch.index(of: 0xC3, in: bytes, from: cursor) {
                guard index + 2 < bytes.count else { return false }
                let second = bytes[index + 1]
                let third = bytes[index + 2]
                if second >= 0x82, second <= 0xB4,
                    third == 0xC2 || third == 0xC5 || third == 0xC6 || third == 0xCB || third == 0xE2
                {
                    return true
                }
                cursor = index + 1
            }
            return false
        }
        return found ?? true
    }

    private static func windows1252Byte(for value: UInt32) -> UInt8? {
        if (0xA0...0xFF).contains(value) || (0x80...0x9F).contains(value) { return UInt8(value) }
        guard let index = Windows1252.highControls.firstIndex(of: value) else { return nil }
        return UInt8(0x80 + index)
    }
}
