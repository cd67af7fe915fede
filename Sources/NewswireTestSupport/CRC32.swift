/// CRC-32 (IEEE 802.3, as gzip uses it), computed incrementally. Also extends the checksum by
/// long runs of zero bytes in constant time per run, which the gzip bomb needs.
struct CRC32 {
    /// The running register (pre-inverted, as the algorithm starts from all ones).
    private var register: UInt32 = 0xFFFF_FFFF

    /// The checksum of everything fed so far.
    var value: UInt32 { ~register }

    /// Feeds bytes.
    mutating func update(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            register = Self.table[Int((register ^ UInt32(byte)) & 0xFF)] ^ (register >> 8)
        }
    }

    /// Feeds `ZeroRun.length` zero bytes in 32 steps instead of `length` table look-ups.
    mutating func update(_ run: ZeroRun) {
        var result: UInt32 = 0
        var bits = register
        var column = 0
        while bits != 0 {
            if bits & 1 == 1 { result ^= run.columns[column] }
            bits >>= 1
            column += 1
        }
        register = result
    }

    /// The effect of appending `length` zero bytes on the register: a linear map over GF(2),
    /// stored as the image of each of the 32 register bits.
    struct ZeroRun {
        let length: Int
        let columns: [UInt32]

        init(length: Int) {
            self.length = length
            columns = (0..<32).map { bit in
                var register = UInt32(1) << UInt32(bit)
                for _ in 0..<length { register = CRC32.table[Int(register & 0xFF)] ^ (register >> 8) }
                return register
            }
        }
    }

    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1 }
        return value
    }
}
