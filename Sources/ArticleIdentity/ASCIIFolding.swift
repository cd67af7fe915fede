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

    /// What `folded` makes of each byte value, whitespace as `whitespace`: the hash loop reads it instead
    /// of testing ranges (built from `folded`, so the two cannot disagree).
    static let foldedBytes: [UInt8] = (0...255).map { folded(UInt8($0)) ?? whitespace }
    /// `foldedBytes`' mark for whitespace: no ASCII byte folds to it.
    static let whitespace: UInt8 = 0xFF

    /// The FNV-1a hash `hash` continued with the folded bytes of the ASCII text in `bytes`.
    ///
    /// Its own loop rather than `fold`: each byte is folded by a look-up in `foldedBytes` and hashed
    /// with no optional in between, about ten instructions a byte where testing the byte's ranges took
    /// sixteen (this runs over the title and summary of every item).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, into hash: UInt64) -> UInt64 {
        foldedBytes.withUnsafeBufferPointer { table in
            var hash = hash
            var started = false
            var pendingSpace = false
            for byte in bytes {
                let folded = table[Int(byte)]
                if folded == whitespace {
                    pendingSpace = started
                    continue
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
