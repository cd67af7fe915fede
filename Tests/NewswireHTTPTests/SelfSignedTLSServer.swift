import Foundation

/// `openssl s_server` on 127.0.0.1 with a freshly made self-signed certificate: a real TLS peer
/// that a verifying client must refuse. Serves one connection, then exits.
final class SelfSignedTLSServer {
    let port: Int
    private let process: Process
    private let directory: URL

    /// Why the TLS server could not be started.
    struct StartError: Error, CustomStringConvertible {
        var description: String
    }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("newswire-tls-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let key = directory.appendingPathComponent("key.pem").path
        let certificate = directory.appendingPathComponent("cert.pem").path
        let request = try Self.run([
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", key, "-out", certificate, "-days", "1", "-subj", "/CN=127.0.0.1",
        ])
        guard request == 0 else { throw StartError(description: "openssl req exited with \(request)") }

        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = [
            "s_server", "-www", "-accept", "127.0.0.1:0", "-naccept", "1", "-cert", certificate, "-key", key,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Readiness: s_server prints "ACCEPT 127.0.0.1:PORT" once it listens.
        var printed = ""
        func acceptLine() -> Substring? {
            printed.split(separator: "\n", omittingEmptySubsequences: false).dropLast().first { $0.hasPrefix("ACCEPT") }
        }
        while acceptLine() == nil, case let chunk = output.fileHandleForReading.availableData, !chunk.isEmpty {
            printed += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = acceptLine(),
            let port = line.split(separator: ":").last.flatMap({ Int($0) })
        else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: directory)
            throw StartError(description: "openssl s_server printed no port: \(printed)")
        }
        self.port = port
    }

    /// Stops the server and removes its key and certificate.
    func stop() {
        // s_server ignores SIGTERM while waiting for a connection.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    private static func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
