import Foundation
import NewswireTestSupport
import XCTest

/// newswired under a real systemd: Type=notify readiness, socket activation, structured journal
/// fields and a clean stop, with the units shipped in systemd/.
final class SystemdTests: XCTestCase {
    private var server: LoopbackHTTPServer!
    private var sandbox: SystemdSandbox!

    override func setUp() async throws {
        sandbox = try SystemdSandbox(testCase: self)
        server = try await LoopbackHTTPServer.start()
        for name in ["france24-africa", "aljazeera-all", "aljazeera-africa"] {
            server.setRoute(
                "/\(name).xml",
                .feed(
                    body: try Fixtures.data("seed-mali/\(name).xml"),
                    contentType: "application/rss+xml", etag: "\"v1\"",
                    lastModified: nil))
        }
        try sandbox.up()
    }

    override func tearDown() async throws {
        sandbox?.down()
        try await server?.shutdown()
    }

    private var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL
    }

    private func installUnits() throws {
        let binary = try Data(contentsOf: DaemonProcess.daemonBinary)
        try sandbox.write(binary, to: "/usr/local/bin/newswired", mode: 0o755)
        for unit in ["newswired.service", "newswired.socket"] {
            let text = try String(contentsOf: repository.appendingPathComponent("systemd/\(unit)"), encoding: .utf8)
            try sandbox.write(Data(text.utf8), to: "/etc/systemd/system/\(unit)")
        }
        let config = """
            interval = "1h"
            [polling]
            startup_window = "1s"
            [outlets.france24]
            feeds = ["\(server.url("/france24-africa.xml"))"]
            [outlets.aljazeera]
            feeds = ["\(server.url("/aljazeera-all.xml"))", "\(server.url("/aljazeera-africa.xml"))"]
            """
        try sandbox.write(Data(config.utf8), to: "/etc/newswire/newswired.toml")
        let verify = try sandbox.exec([
            "systemd-analyze", "verify", "/etc/systemd/system/newswired.service",
            "/etc/systemd/system/newswired.socket",
        ])
        XCTAssertEqual(verify.status, 0, "systemd-analyze verify: \(verify.stderr)")
        try sandbox.exec(["systemctl", "daemon-reload"])
    }

    func testSocketActivationReadinessJournalAndCleanStop() async throws {
        try installUnits()
        let startSocket = try sandbox.exec(["systemctl", "start", "newswired.socket"])
        XCTAssertEqual(startSocket.status, 0, startSocket.stderr)
        XCTAssertEqual(
            try sandbox.property("ActiveState", of: "newswired.service"), "inactive",
            "the service waits for its first client")

        // The first client activates the service through the socket systemd holds.
        let socket = try sandbox.hostPath("/run/newswire/events.sock").path
        let subscriber = try EventSubscriber(path: socket, firstLine: #"{"since":0}"#)
        try await subscriber.wait(for: "hello") { lines, _ in lines.first?["type"] as? String == "hello" }
        try await subscriber.waitForEvents(10, timeout: .seconds(60))
        XCTAssertEqual(subscriber.events.filter { $0["type"] as? String == "article.new" }.count, 5)

        // Any local user may subscribe, also once the service has started (a RuntimeDirectory= of
        // the DynamicUser service once moved the socket's folder to the root-only /run/private).
        let nobody = try sandbox.exec([
            "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
            "socat", "-t", "1", "-", "UNIX-CONNECT:/run/newswire/events.sock",
        ])
        XCTAssertTrue(nobody.stdout.contains(#""type":"hello""#), "as nobody: \(nobody.stdout) \(nobody.stderr)")

        // Type=notify: active only once READY=1 was sent, with a STATUS line and watchdog pings.
        XCTAssertEqual(try sandbox.property("ActiveState", of: "newswired.service"), "active")
        XCTAssertEqual(try sandbox.property("Type", of: "newswired.service"), "notify")
        let status = try sandbox.property("StatusText", of: "newswired.service")
        XCTAssertTrue(status.contains("feed"), "STATUS= should describe the polling: '\(status)'")
        XCTAssertFalse(try sandbox.property("WatchdogTimestampMonotonic", of: "newswired.service").isEmpty)
        XCTAssertEqual(try sandbox.property("NRestarts", of: "newswired.service"), "0")

        // journalctl -u newswired NEWSWIRE_OUTLET=aljazeera shows the Al Jazeera events.
        let entries = try await journalEntries(atLeast: 4) { entry in
            entry["NEWSWIRE_EVENT"] as? String == "article.new"
        }
        XCTAssertEqual(entries.count, 4, "4 Al Jazeera articles (B, C, D, E)")
        for entry in entries {
            XCTAssertEqual(entry["NEWSWIRE_OUTLET"] as? String, "aljazeera")
            XCTAssertEqual(entry["MESSAGE_ID"] as? String, "8d1c5b3e0a4f4c6e9b2d7a1f3e5c9b01")
            XCTAssertEqual(entry["PRIORITY"] as? String, "5")
            XCTAssertNotNil(entry["NEWSWIRE_SEQ"] as? String)
            XCTAssertNotNil(entry["NEWSWIRE_STORY"] as? String)
            let url = entry["NEWSWIRE_URL"] as? String ?? ""
            XCTAssertTrue(url.contains("aljazeera.com/") && !url.contains("utm_") && !url.contains("#"), url)
            XCTAssertTrue((entry["MESSAGE"] as? String)?.hasPrefix("New article from Al Jazeera: ") == true)
        }

        // systemctl stop: SIGTERM, STOPPING=1, a clean exit.
        let stop = try sandbox.exec(["systemctl", "stop", "newswired.service"])
        XCTAssertEqual(stop.status, 0, stop.stderr)
        XCTAssertEqual(try sandbox.property("Result", of: "newswired.service"), "success")
        XCTAssertEqual(try sandbox.property("ExecMainStatus", of: "newswired.service"), "0")
        XCTAssertEqual(
            try sandbox.property("ActiveState", of: "newswired.socket"), "active",
            "the socket stays, to start the daemon again on the next client")

        // An invalid configuration fails the unit (exit 78) without a restart every RestartSec=.
        try sandbox.write(Data("interval = \"10s\"\nbogus = 1\n".utf8), to: "/etc/newswire/newswired.toml")
        let broken = try sandbox.exec(["systemctl", "start", "newswired.service"])
        XCTAssertNotEqual(broken.status, 0, "the start fails")
        XCTAssertEqual(try sandbox.property("ExecMainStatus", of: "newswired.service"), "78")
        XCTAssertEqual(
            try sandbox.property("ActiveState", of: "newswired.service"), "failed",
            "failed, not waiting to restart")
        XCTAssertEqual(try sandbox.property("NRestarts", of: "newswired.service"), "0")
    }

    /// Reads `journalctl -u newswired NEWSWIRE_OUTLET=aljazeera -o json` until `count` entries match.
    private func journalEntries(
        atLeast count: Int,
        where matches: ([String: Any]) -> Bool
    ) async throws -> [[String: Any]] {
        let deadline = ContinuousClock.now + .seconds(30)
        while true {
            let output = try sandbox.exec([
                "journalctl", "-u", "newswired", "NEWSWIRE_OUTLET=aljazeera", "-o", "json",
                "--no-pager",
            ])
            let entries = output.stdout.split(separator: "\n").compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
            }.filter(matches)
            if entries.count >= count || ContinuousClock.now > deadline { return entries }
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}
