import NIOCore

/// A response body produced chunk by chunk, so that huge or endless bodies never sit in memory.
protocol StreamedBody {
    /// The next chunk, or `nil` when the body is complete.
    mutating func next(allocator: ByteBufferAllocator) -> ByteBuffer?
}

/// A pattern repeated up to `total` bytes, or forever when `total` is `nil`.
struct RepeatingBody: StreamedBody {
    private static let chunkSize = 64 * 1024
    private let chunk: ByteBuffer
    private var remaining: Int?

    init(pattern: String, total: Int?) {
        let bytes = Array(pattern.utf8)
        var buffer = ByteBufferAllocator().buffer(capacity: Self.chunkSize)
        while buffer.readableBytes + bytes.count <= Self.chunkSize { buffer.writeBytes(bytes) }
        chunk = buffer
        remaining = total.map { max(0, $0) }
    }

    mutating func next(allocator: ByteBufferAllocator) -> ByteBuffer? {
        guard let left = remaining else { return chunk }
        guard left > 0 else { return nil }
        let size = min(left, chunk.readableBytes)
        remaining = left - size
        return chunk.getSlice(at: chunk.readerIndex, length: size)
    }
}

/// The gzip bomb, as a streamed body.
struct GzipBombBody: StreamedBody {
    var stream: GzipBombStream

    mutating func next(allocator: ByteBufferAllocator) -> ByteBuffer? {
        guard let bytes = stream.next(size: 64 * 1024) else { return nil }
        return allocator.buffer(bytes: bytes)
    }
}
