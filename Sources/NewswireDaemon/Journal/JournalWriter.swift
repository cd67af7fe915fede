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
            writeToStderr(
                entries.map { entry in
                    (entry.message, entry.priority, entry.fields.first { $0.0 == JournalField.seq }.map(\.1))
                })
            return
        }
        for entry in entries { sendToJournal(message: entry.message, priority: entry.priority, fields: entry.fields) }
    }

    /// Writes readable lines on stderr, `newswired: LEVEL: MESSAGE (#SEQ)`, in one write; the
    /// sequence number is left out when there is none. (Under systemd they become journal entries
    /// with the sequence number as a field.)
    public func sendLines(_ lines: [(message: String, priority: Int, seq: Int64?)]) {
        guard enabled, !lines.isEmpty else { return }
        guard !isJournal else {
            for line in lines {
                sendToJournal(
                    message: line.message, priority: line.priority,
                    fields: line.seq.map { [(JournalField.seq, String($0))] } ?? [])
            }
            return
        }
        writeToStderr(lines.map { ($0.message, $0.priority, $0.seq.map { String($0) }) })
    }

    private func writeToStderr(_ lines: [(message: String, priority: Int, seq: String?)]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.message.utf8.count + 40 })
        for line in lines {
            bytes.append(contentsOf: "newswired: ".utf8)
            bytes.append(contentsOf: Self.levelName(line.priority).utf8)
            bytes.append(contentsOf: ": ".utf8)
            bytes.append(contentsOf: line.message.utf8)
            if let seq = line.seq {
                bytes.append(contentsOf: " (event #".utf8)
                bytes.append(contentsOf: seq.utf8)
                bytes.append(UInt8(ascii: ")"))
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        // A log line that cannot be written (stderr a closed pipe or a full disk) is dropped:
        // the daemon goes on serving its socket and its journal.
        _ = StandardStream.write(bytes, to: STDERR_FILENO)
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
