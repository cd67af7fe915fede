import Glibc

/// Byte and substring search with libc's vectorized `memchr`.
enum ByteSearch {
    /// The index of the first `byte` in `input` at or after `start`, or nil.
    @inline(__always)
    static func index(of byte: UInt8, in input: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard start < input.count, let base = input.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), input.count - start) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }

    /// The index of the first occurrence of `literal` in `input` at or after `start`, or nil:
    /// `memchr` for its first byte, `memcmp` for the rest.
    @inline(__always)
    static func index(of literal: StaticString, in input: UnsafeRawBufferPointer, from start: Int) -> Int? {
        let length = literal.utf8CodeUnitCount
        let first = literal.utf8Start.pointee
        var cursor = start
        while cursor >= 0, cursor + length <= input.count, let found = index(of: first, in: input, from: cursor) {
            guard found + length <= input.count else { return nil }
            if length == 1 || memcmp(input.baseAddress! + found + 1, literal.utf8Start + 1, length - 1) == 0 {
                return found
            }
            cursor = found + 1
        }
        return nil
    }

    /// Whether `input` holds `literal` at `index`.
    @inline(__always)
    static func hasLiteral(_ literal: StaticString, in input: UnsafeRawBufferPointer, at index: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index >= 0, index + length <= input.count, let base = input.baseAddress else { return false }
        return memcmp(base + index, literal.utf8Start, length) == 0
    }
}
