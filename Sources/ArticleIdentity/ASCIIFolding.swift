/// `TextFolding.fold` for text that is all ASCII, as most of an English feed is: one tight loop over the
/// bytes with the folding rules inlined (`Folder` handles any text, a scalar at a time). It writes exactly
/// what `Folder` writes; `TextFoldingTests` compares the two.
enum ASCIIFolding {
    /// Whether every byte is ASCII (read eight at a time).
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        let raw = UnsafeRawPointer(base)
        while index + 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// What `fold` makes of one ASCII byte: `nil` for whitespace, else the byte lowercased (a backtick
    /// as an apostrophe).
    @inline(__always)
    static func folded(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: " "), 0x09...0x0D: nil
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte | 0x20
        case UInt8(ascii: "`"): UInt8(ascii: "'")
        default: byte
        }
    }

    /// The FNV-1a hash `hash` continued with the folded bytes of the ASCII text in `bytes`.
    ///
    /// Its own loop rather than `fold`: the bytes most text is made of (lowercase letters, digits and
    /// most punctuation) are tested first and hashed as they are, with no optional in between.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, into hash: UInt64) -> UInt64 {
        var hash = hash
        var started = false
        var pendingSpace = false
        for byte in bytes {
            var folded = byte
            if byte > UInt8(ascii: "`") || (byte > UInt8(ascii: " ") && byte < UInt8(ascii: "A")) {
                // As is: lowercase letters, `{|}~`, digits and punctuation below `A`.
            } else if byte &- UInt8(ascii: "A") < 26 {
                folded = byte | 0x20
            } else if byte == UInt8(ascii: " ") || byte &- 0x09 < 5 {
                pendingSpace = started
                continue
            } else if byte == UInt8(ascii: "`") {
                folded = UInt8(ascii: "'")
            }
            if pendingSpace {
                hash = StableHash.fnv1a64(UInt8(ascii: " "), into: hash)
                pendingSpace = false
            }
            hash = StableHash.fnv1a64(folded, into: hash)
            started = true
        }
        return hash
    }

    /// Calls `emit` with each byte of the folded text: lower case, a backtick as an apostrophe, runs of
    /// whitespace as one space, none at either end. `bytes` must be ASCII.
    @inline(__always)
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (UInt8) -> Void) {
        var started = false
        var pendingSpace = false
        for byte in bytes {
            guard let folded = folded(byte) else {
                pendingSpace = started
                continue
            }
            if pendingSpace {
                emit(UInt8(ascii: " "))
                pendingSpace = false
            }
            emit(folded)
            started = true
        }
    }
}
