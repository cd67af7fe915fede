/// Generates, chunk by chunk, a valid gzip member that decodes to `decodedBytes` zero bytes.
///
/// One fixed-Huffman deflate block: a literal zero, then back-references of length 258 at
/// distance 1 (13 bits each, about 1:160), then the remaining zeros as literals. Nothing is
/// held in memory beyond one chunk, so a 1 GB bomb costs a few MB on the wire and nothing here.
struct GzipBombStream {
    private enum Phase { case header, body, trailer, done }

    private let decodedBytes: Int
    private var phase = Phase.header
    private var pairsLeft: Int
    private var literalsLeft: Int
    private var crc = CRC32()
    private var bits = BitWriter()
    private static let run = CRC32.ZeroRun(length: 258)

    init(decodedBytes: Int) {
        self.decodedBytes = max(0, decodedBytes)
        let afterFirst = max(0, self.decodedBytes - 1)
        pairsLeft = afterFirst / 258
        literalsLeft = self.decodedBytes == 0 ? 0 : 1 + afterFirst % 258
    }

    /// The next bytes of the stream (about `size` of them), or `nil` once it is complete.
    mutating func next(size: Int) -> [UInt8]? {
        switch phase {
        case .done:
            return nil
        case .header:
            phase = .body
            bits.bytes = GzipEncoding.header
            bits.write(0b011, count: 3)  // BFINAL=1, BTYPE=01 (fixed Huffman)
            if literalsLeft > 0 { writeZeroLiteral() }
            return bits.take()
        case .body:
            while bits.bytes.count < size && pairsLeft > 0 {
                bits.write(0xA3, count: 8)  // length 258: symbol 285, code 11000101 reversed
                bits.write(0, count: 5)  // distance 1: code 00000
                crc.update(Self.run)
                pairsLeft -= 1
            }
            if pairsLeft == 0 {
                while literalsLeft > 0 { writeZeroLiteral() }
                bits.write(0, count: 7)  // end of block: symbol 256, code 0000000
                bits.alignToByte()
                phase = .trailer
            }
            return bits.take()
        case .trailer:
            phase = .done
            return GzipEncoding.littleEndian(crc.value)
                + GzipEncoding.littleEndian(UInt32(truncatingIfNeeded: decodedBytes))
        }
    }

    private mutating func writeZeroLiteral() {
        bits.write(0x0C, count: 8)  // literal 0: code 00110000 reversed
        crc.update(CollectionOfOne(UInt8(0)))
        literalsLeft -= 1
    }
}

/// Packs bit fields least significant bit first, as deflate requires.
struct BitWriter {
    var bytes: [UInt8] = []
    private var accumulator: UInt64 = 0
    private var pending = 0

    mutating func write(_ value: UInt64, count: Int) {
        accumulator |= value << UInt64(pending)
        pending += count
        while pending >= 8 {
            bytes.append(UInt8(accumulator & 0xFF))
            accumulator >>= 8
            pending -= 8
        }
    }

    mutating func alignToByte() {
        if pending > 0 { write(0, count: 8 - pending) }
    }

    /// Hands over the whole bytes written so far (a partial byte stays pending).
    mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }
}
