import Glibc

/// Byte search with libc's vectorized `memchr`.
enum ByteSearch {
    /// The index of the first `byte` in `input` at or after `start`, or nil.
    @inline(__always)
    static func index(of byte: UInt8, in input: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard start < input.count, let base = input.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), input.count - start) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }
}
