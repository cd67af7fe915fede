import Foundation

/// Trimming of the whitespace around links and guids, on the hot path of every feed item.
public enum Whitespace {
    /// `text` without leading and trailing whitespace and newlines (`CharacterSet.whitespacesAndNewlines`).
    ///
    /// Almost every link arrives already trimmed: when its first and last bytes are printable ASCII it is
    /// returned as is, without the Unicode scan (and string bridging) of `trimmingCharacters(in:)`.
    public static func trimmed(_ text: String) -> String {
        // The two bytes read from the string's contiguous UTF-8 (a native string's): the generic `last`
        // of its UTF-8 view cost more than a hundred instructions.
        let printableEnds = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.isEmpty || (isPrintableASCII(bytes[0]) && isPrintableASCII(bytes[bytes.count - 1]))
        }
        if printableEnds == true { return text }
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        if isPrintableASCII(first) && isPrintableASCII(last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isPrintableASCII(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }
}
