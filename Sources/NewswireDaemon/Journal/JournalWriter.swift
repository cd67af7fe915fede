import CSystemd
public import Foundation
import Glibc

/// Writes structured entries to the systemd journal with `sd_journal_sendv`, or readable lines
/// to stderr when the process is not connected to the journal.
public struct JournalWriter: Sendable {
    /// True when stderr is the journal's stream (systemd sets `JOURNAL_STREAM` to its device:inode).
    public let isJournal: Bool
    /// False for a writer that discards everything (tests of code that journals).
    private let enabled: Bool

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        isJournal = Self.stderrIsJournal(environment["JOURNAL_STREAM"])
        enabled = true
    }

    private init(discarding: Void) {
        isJournal = false
        enabled = false
    }

    /// A writer that writes nothing.
    public static let discarding = JournalWriter(discarding: ())

    /// Sends one entry. `fields` are `NAME=value` pairs; MESSAGE and PRIORITY are added.
    public func send(message: String, priority: Int, fields: [(String, String)]) {
        send([(message, priority, fields)])
    }

    /// Sends entries in order: one journal entry each, or, on stderr, their lines in one write
    /// (a poll's tens of thousands of events were as many system calls).
    public func send(_ entries: [(message: String, priority: Int, fields: [(String, String)])]) {
        guard enabled, !entries.isEmpty else { return }
        guard isJournal else {
            var text = ""
            for entry in entries {
                let seq = entry.fields.first { $0.0 == JournalField.seq }.map { " (#\($0.1))" } ?? ""
                text += "newswired: \(Self.levelName(entry.priority)): \(entry.message)\(seq)\n"
            }
            FileHandle.standardError.write(Data(text.utf8))
            return
        }
        for entry in entries { sendToJournal(message: entry.message, priority: entry.priority, fields: entry.fields) }
    }

    private func sendToJournal(message: String, priority: Int, fields: [(String, String)]) {
        var entries = ["MESSAGE=\(message)", "PRIORITY=\(priority)", "SYSLOG_IDENTIFIER=newswired"]
        entries += fields.map { "\($0.0)=\($0.1)" }
        let buffers = entries.map { Array($0.utf8) }
        buffers.withUnsafeIOVecs { vectors in
            _ = sd_journal_sendv(vectors.baseAddress, Int32(vectors.count))
        }
    }

    static func levelName(_ priority: Int) -> String {
        switch priority {
        case ...3: "error"
        case 4: "warning"
        case 5: "notice"
        case 6: "info"
        default: "debug"
        }
    }

    private static func stderrIsJournal(_ value: String?) -> Bool {
        guard let parts = value?.split(separator: ":"), parts.count == 2,
            let device = UInt64(parts[0]), let inode = UInt64(parts[1])
        else { return false }
        var info = stat()
        guard fstat(2, &info) == 0 else { return false }
        return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode
    }
}

extension Array where Element == [UInt8] {
    /// Calls `body` with an iovec per element, valid only during the call.
    fileprivate func withUnsafeIOVecs(_ body: (UnsafeBufferPointer<iovec>) -> Void) {
        let copies = map { bytes -> UnsafeMutableRawBufferPointer in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Swift.max(bytes.count, 1), alignment: 1)
            buffer.copyBytes(from: bytes)
            return buffer
        }
        defer { copies.forEach { $0.deallocate() } }
        let vectors = copies.indices.map { index in
            iovec(iov_base: copies[index].baseAddress, iov_len: self[index].count)
        }
        vectors.withUnsafeBufferPointer(body)
    }
}
