import Foundation

/// Runs the `curl` command-line tool against the loopback server, to check the server without
/// the fetcher under test (proxies are bypassed: traffic stays on 127.0.0.1).
struct CurlCommand {
    struct Outcome {
        var exitCode: Int32
        var output: Data
        var text: String { String(decoding: output, as: UTF8.self) }
    }

    static func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["--silent", "--noproxy", "*", "--max-time", "10"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(exitCode: process.terminationStatus, output: output)
    }
}
