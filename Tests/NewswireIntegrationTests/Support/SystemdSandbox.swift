import Foundation
import XCTest

/// A real systemd booted as PID 1 of its own namespaces (see `systemd/systemd-sandbox.sh`, from
/// ../shared/tools), with newswired's units installed into it.
final class SystemdSandbox {
    let name: String
    private let script: URL
    private(set) var root: URL?

    /// Skips the test when this machine cannot boot one (not root, no systemd, no cgroup v2).
    init(testCase: XCTestCase) throws {
        guard getuid() == 0 else { throw XCTSkip("booting a systemd sandbox needs root") }
        guard FileManager.default.isExecutableFile(atPath: "/lib/systemd/systemd") else {
            throw XCTSkip("systemd is not installed (apt-get install systemd)")
        }
        name = "nw-\(UUID().uuidString.prefix(8).lowercased())"
        script =
            URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../systemd/systemd-sandbox.sh").standardizedFileURL
    }

    private var environment: [String: String] { ["SANDBOX_NAME": name, "SANDBOX_BIND": ""] }

    func up() throws {
        let output = try Shell.run([script.path, "up"], environment: environment)
        guard output.status == 0 else {
            throw DaemonTestError("systemd sandbox did not boot (\(output.status)):\n\(output.stderr)")
        }
        let rootOutput = try Shell.run([script.path, "root"], environment: environment)
        root = URL(fileURLWithPath: rootOutput.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func down() {
        _ = try? Shell.run([script.path, "down"], environment: environment)
    }

    /// Runs a command inside.
    @discardableResult
    func exec(_ arguments: [String]) throws -> Shell.Output {
        try Shell.run([script.path, "exec"] + arguments, environment: environment)
    }

    /// The host path of a path inside.
    func hostPath(_ inside: String) throws -> URL {
        guard let root else { throw DaemonTestError("sandbox not up") }
        return root.appendingPathComponent(String(inside.drop(while: { $0 == "/" })))
    }

    /// Writes a file inside (creating its folder).
    func write(_ contents: Data, to inside: String, mode: Int = 0o644) throws {
        let url = try hostPath(inside)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
    }

    /// `systemctl show -p NAME --value UNIT`.
    func property(_ name: String, of unit: String) throws -> String {
        try exec(["systemctl", "show", "-p", name, "--value", unit]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
