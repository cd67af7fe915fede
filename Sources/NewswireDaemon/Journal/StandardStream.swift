import Glibc

/// Writes to a standard stream with `write(2)`, reporting a failure instead of trapping on it
/// (`FileHandle.write(_:)` ends the process when a write fails: a full disk, a closed pipe).
public enum StandardStream {
    /// Writes all of `bytes` to `fd`; returns the `errno` of a failed write, nil when all was written.
    public static func write(_ bytes: [UInt8], to fd: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}
