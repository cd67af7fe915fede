import ArgumentParser
import Foundation
import NewswireProtocol

/// A blocking client of a Unix stream socket that reads lines.
struct UnixSocketClient {
    private let fd: Int32
    private var buffer: [UInt8] = []

    init(path: String) throws {
        do {
            fd = try UnixSocket.connect(path: path)
        } catch {
            throw ConnectionError(description: "\(error) (is newswired running? see --socket)")
        }
    }

    func send(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// Whether something can be read (or the connection closed) within `milliseconds`.
    func hasInput(within milliseconds: Int32) -> Bool {
        guard buffer.isEmpty else { return true }
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&entry, 1, milliseconds)
            if ready < 0 && errno == EINTR { continue }
            return ready != 0
        }
    }

    /// The next line, or nil when the daemon closed the connection.
    mutating func readLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            // A line cut short by the end of the connection is not a line.
            if count <= 0 { return nil }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    func closeConnection() { close(fd) }
}

/// The daemon's socket cannot be reached.
struct ConnectionError: Error, CustomStringConvertible {
    var description: String
}
