import Glibc
import NewswireDaemon

/// The client's standard output and error.
///
/// A failed write ends the command with a message and EX_IOERR (74), where `FileHandle.write(_:)`
/// trapped and `print` lost it (`> /dev/full`); a reader that went away
/// (`newswire tail | head -1`) ends it quietly, with the status SIGPIPE would give.
enum Console {
    /// Writes `text` to standard output as it is (add the newline).
    static func out(_ text: String) {
        guard let failure = StandardStream.write(Array(text.utf8), to: STDOUT_FILENO) else { return }
        if failure == EPIPE { exit(128 + SIGPIPE) }
        error("newswire: cannot write the output: \(String(cString: strerror(failure)))\n")
        exit(74)
    }

    /// Writes `text` to standard error as it is; nothing more can be done when that fails.
    static func error(_ text: String) {
        _ = StandardStream.write(Array(text.utf8), to: STDERR_FILENO)
    }
}
