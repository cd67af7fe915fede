/// Keys and hints are a few parts put end to end, for every item of every poll.
extension String {
    /// `a + b + c + d`, its bytes copied once into a string allocated at its final size:
    /// interpolation and `append` cost hundreds of instructions a part, and grow as they go.
    init(concatenating a: String, _ b: String, _ c: String, _ d: some StringProtocol) {
        let count = a.utf8.count + b.utf8.count + c.utf8.count + d.utf8.count
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var end = Self.copy(a, to: buffer, at: 0)
            end = Self.copy(b, to: buffer, at: end)
            end = Self.copy(c, to: buffer, at: end)
            return Self.copy(d, to: buffer, at: end)
        }
    }

    /// `a + b`, its bytes copied once into a string allocated at its final size.
    init(concatenating a: String, _ b: String) {
        self.init(unsafeUninitializedCapacity: a.utf8.count + b.utf8.count) { buffer in
            Self.copy(b, to: buffer, at: Self.copy(a, to: buffer, at: 0))
        }
    }

    /// Writes the UTF-8 of `part` into `buffer` from `offset`; returns where it ends.
    private static func copy(
        _ part: some StringProtocol, to buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int
    ) -> Int {
        let copied = part.utf8.withContiguousStorageIfAvailable { bytes in
            UnsafeMutableBufferPointer(rebasing: buffer[offset...]).initialize(fromContentsOf: bytes)
        }
        if let copied { return offset + copied }
        var end = offset
        for byte in part.utf8 {
            buffer[end] = byte
            end += 1
        }
        return end
    }
}
