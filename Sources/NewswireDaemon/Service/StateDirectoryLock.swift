import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One daemon per state directory: an exclusive `flock` on `newswired.lock` there, held for the life
/// of the process. Two daemons writing one database would each number and send only the events they
/// made, so a subscriber of either would miss the other's. The kernel drops the lock when the
/// process ends, however it ends, so a crash leaves nothing to clean up.
final class StateDirectoryLock: Sendable {
    /// Why the state directory cannot be held.
    enum Failure: Error, CustomStringConvertible {
        /// Another process holds it; `holder` is the pid it wrote, when readable.
        case inUse(directory: String, holder: Int32?)
        case cannotLock(path: String, reason: String)

        var description: String {
            switch self {
            case .inUse(let directory, let holder):
                let who = holder.map { "another newswired (pid \($0))" } ?? "another newswired"
                return "\(directory) is in use by \(who): stop it first, or give this one another --state-directory"
            case .cannotLock(let path, let reason):
                return "cannot lock \(path): \(reason)"
            }
        }
    }

    /// The lock file.
    let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Takes the lock of `directory` (which must exist), writing this process's pid into it.
    static func acquire(directory: URL) throws(Failure) -> StateDirectoryLock {
        let path = directory.appendingPathComponent("newswired.lock").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotLock(path: path, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let failure = errno
            defer { close(descriptor) }
            guard failure == EWOULDBLOCK else {
                throw .cannotLock(path: path, reason: String(cString: strerror(failure)))
            }
            throw .inUse(directory: directory.path, holder: holderPID(descriptor))
        }
        let pid = Array("\(getpid())\n".utf8)
        if ftruncate(descriptor, 0) == 0 {
            _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        }
        return StateDirectoryLock(path: path, descriptor: descriptor)
    }

    /// The pid the holder wrote into the lock file, if it reads as one.
    private static func holderPID(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 16)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text).flatMap { $0 > 0 ? $0 : nil }
    }
}
