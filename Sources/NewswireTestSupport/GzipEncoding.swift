import Foundation

/// Builds gzip members (RFC 1952) without zlib: enough for a test server.
enum GzipEncoding {
    /// The fixed 10-byte member header: magic, deflate, no flags, no mtime, no extra flags, OS unknown.
    static let header: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]

    /// `body` as a gzip member made of deflate *stored* blocks: valid for any decoder, not smaller.
    static func stored(_ body: Data) -> Data {
        var out = Data(header)
        let bytes = [UInt8](body)
        let blockSize = 65_535
        var offset = 0
        repeat {
            let length = min(blockSize, bytes.count - offset)
            let isFinal = offset + length == bytes.count
            out.append(isFinal ? 0x01 : 0x00)  // BFINAL, BTYPE=00, padded to the byte
            let len = UInt16(length)
            out.append(contentsOf: [UInt8(len & 0xFF), UInt8(len >> 8), UInt8(~len & 0xFF), UInt8(~len >> 8)])
            out.append(contentsOf: bytes[offset..<offset + length])
            offset += length
        } while offset < bytes.count
        var crc = CRC32()
        crc.update(bytes)
        out.append(contentsOf: littleEndian(crc.value))
        out.append(contentsOf: littleEndian(UInt32(truncatingIfNeeded: bytes.count)))
        return out
    }

    /// The four bytes of `value`, least significant first.
    static func littleEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
    }
}
