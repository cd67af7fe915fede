import Foundation

/// Connecting to the daemon's Unix stream socket, for clients (and the daemon's own check that
/// no other instance serves the path).
public enum UnixSocket {
    /// Why a connection could not be made.
    public struct ConnectError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot connect to \(path): \(reason)" }
    }

    /// Connects to `path`; returns the connected descriptor, which the caller closes.
    public static func connect(path: String) throws(ConnectError) -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw ConnectError(
                path: path, reason: "path longer than \(MemoryLayout.size(ofValue: address.sun_path) - 1) bytes")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ConnectError(path: path, reason: String(cString: strerror(errno))) }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Foundation.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw ConnectError(path: path, reason: reason)
        }
        return fd
    }

    /// Whether something accepts connections on `path`.
    public static func accepts(path: String) -> Bool {
        guard let fd = try? connect(path: path) else { return false }
        close(fd)
        return true
    }
}
