import Foundation
import NewswireProtocol
import XCTest

/// The real `newswired` binary, started as a child process on a private state folder and socket.
final class DaemonProcess {
    let stateDirectory: URL
    let socketPath: String
    let configPath: String?
    private(set) var process: Process?
    private let logFile: URL

    /// The folder the test products were built into (the daemon's binary sits next to the tests).
    static var productsDirectory: URL {
        let bundle = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }
        return bundle.map { URL(fileURLWithPath: $0.bundlePath).deletingLastPathComponent() }
            ?? URL(fileURLWithPath: ".build/debug")
    }

    static var daemonBinary: URL { productsDirectory.appendingPathComponent("newswired") }
    static var clientBinary: URL { productsDirectory.appendingPathComponent("newswire") }

    init(workDirectory: URL, config: String?) throws {
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
        stateDirectory = workDirectory.appendingPathComponent("state")
        socketPath = workDirectory.appendingPathComponent("run/events.sock").path
        logFile = workDirectory.appendingPathComponent("daemon.log")
        if let config {
            let path = workDirectory.appendingPathComponent("newswired.toml")
            try config.write(to: path, atomically: true, encoding: .utf8)
            configPath = path.path
        } else {
            configPath = nil
        }
    }

    /// Everything the daemon wrote to stderr so far.
    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    private func arguments(_ extra: [String]) -> [String] {
        var arguments = ["--state-directory", stateDirectory.path, "--socket", socketPath]
        if let configPath { arguments += ["--config", configPath] }
        return arguments + extra
    }

    private func launch(_ extra: [String]) throws -> Process {
        let process = Process()
        process.executableURL = Self.daemonBinary
        process.arguments = arguments(extra)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "JOURNAL_STREAM")
        environment.removeValue(forKey: "NOTIFY_SOCKET")
        environment.removeValue(forKey: "LISTEN_FDS")
        process.environment = environment
        if !FileManager.default.fileExists(atPath: logFile.path) {
            _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: logFile)
        handle.seekToEndOfFile()
        process.standardError = handle
        process.standardOutput = handle
        try process.run()
        return process
    }

    /// Starts the daemon and waits until its socket accepts connections.
    func start(timeout: TimeInterval = 30) async throws {
        let process = try launch([])
        self.process = process
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !process.isRunning {
                throw DaemonTestError(
                    "newswired exited with status \(process.terminationStatus) before "
                        + "listening:\n\(log)")
            }
            if FileManager.default.fileExists(atPath: socketPath), UnixSocket.accepts(path: socketPath) { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw DaemonTestError("newswired did not listen on \(socketPath) within \(timeout) s:\n\(log)")
    }

    /// Sends SIGTERM and waits for the exit status.
    @discardableResult
    func stop(timeout: TimeInterval = 30) async throws -> Int32 {
        guard let process else { return 0 }
        process.terminate()
        try await Self.waitForExit(process, timeout: timeout)
        self.process = nil
        return process.terminationStatus
    }

    /// Runs `newswired --once` (or other one-shot flags) to completion; returns the exit status.
    func runToCompletion(_ extra: [String] = ["--once"], timeout: TimeInterval = 60) async throws -> Int32 {
        let process = try launch(extra)
        try await Self.waitForExit(process, timeout: timeout)
        return process.terminationStatus
    }

    static func waitForExit(_ process: Process, timeout: TimeInterval) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            guard Date() < deadline else {
                process.interrupt()
                throw DaemonTestError("process \(process.processIdentifier) still running after \(timeout) s")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    deinit {
        if let process, process.isRunning { process.terminate() }
    }
}

struct DaemonTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
