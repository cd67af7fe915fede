import Foundation

/// Runs a binary to completion, its output and errors captured in files (or sent where a test
/// says, such as `/dev/full`).
enum CommandRun {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `newswire` with `arguments`.
    static func client(_ arguments: [String], stdout: FileHandle? = nil) async throws -> Output {
        try await run(DaemonProcess.clientBinary, arguments, stdout: stdout)
    }

    static func run(
        _ binary: URL, _ arguments: [String], stdout: FileHandle? = nil, stderr: FileHandle? = nil
    ) async throws -> Output {
        let folder = try Fixtures.temporaryDirectory("command")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outFile = folder.appendingPathComponent("stdout"), errFile = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outFile.path, contents: nil)
        FileManager.default.createFile(atPath: errFile.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        for name in ["JOURNAL_STREAM", "NOTIFY_SOCKET", "LISTEN_FDS"] { environment.removeValue(forKey: name) }
        process.environment = environment
        process.standardOutput = try stdout ?? FileHandle(forWritingTo: outFile)
        process.standardError = try stderr ?? FileHandle(forWritingTo: errFile)
        try process.run()
        try await DaemonProcess.waitForExit(process, timeout: 60)
        return Output(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: outFile, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errFile, encoding: .utf8)) ?? "")
    }
}
