import XCTest

@testable import NewswireDaemon

final class ConfigurationTests: XCTestCase {
    func testEmptyFileMeansEveryBuiltinOutlet() throws {
        let configuration = try ConfigurationLoader.parse("", file: "t.toml")
        XCTAssertNil(configuration.outlets)
        let outlets = try PolledOutlet.resolve(configuration, file: "t.toml")
        XCTAssertEqual(outlets.map(\.id), ["france24", "aljazeera"])
        XCTAssertEqual(outlets[1].feeds.map(\.absoluteString), ["https://www.aljazeera.com/xml/rss/all.xml"])
    }

    func testOutletsTablePollsExactlyThoseNamed() throws {
        let configuration = try ConfigurationLoader.parse(
            """
            interval = "15m"
            [outlets.aljazeera]
            interval = "10m"
            [outlets.dw]
            name = "Deutsche Welle"
            feeds = ["https://rss.dw.com/rdf/rss-en-world"]
            """, file: "t.toml")
        let outlets = try PolledOutlet.resolve(configuration, file: "t.toml")
        XCTAssertEqual(outlets.map(\.id), ["aljazeera", "dw"])
        XCTAssertEqual(outlets[0].interval, 600)
        XCTAssertEqual(outlets[0].feeds.count, 1, "a built-in outlet keeps its default feeds")
        XCTAssertEqual(outlets[1].interval, 900)
        XCTAssertEqual(outlets[1].adapter.outlet.name, "Deutsche Welle")
    }

    func testUnknownKeyNamesFileAndKey() {
        XCTAssertThrowsError(try ConfigurationLoader.parse("[http]\ntimout = \"5s\"", file: "/etc/n.toml")) { error in
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("/etc/n.toml: http.timout: unknown key"), message)
        }
    }

    func testBadValuesNameTheKey() {
        let cases: [(String, String)] = [
            ("interval = \"soon\"", "interval"),
            ("interval = 5", "interval: must be a string"),
            ("[outlets.aljazeera]\nfeeds = [\"ftp://x\"]", "outlets.aljazeera.feeds[0]"),
            ("[outlets.mine]\nfeeds = [\"https://x.org/rss\"]", "outlets.mine.name"),
            ("[outlets.mine]\nname = \"Mine\"", "outlets.mine.feeds"),
            ("[http]\nmax_redirects = 99", "http.max_redirects"),
            ("[outlets.\"Bad Id\"]\nname = \"x\"", "outlets.Bad Id"),
            ("[polling]\nmin_interval = \"3h\"", "polling.min_interval"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(
                try {
                    let configuration = try ConfigurationLoader.parse(text, file: "f.toml")
                    _ = try PolledOutlet.resolve(configuration, file: "f.toml")
                }(), text
            ) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error) should name \(expected)")
            }
        }
    }

    func testOutletIDs() {
        for id in ["dw", "france24", "0", "bench-reuters", "a_b", String(repeating: "x", count: 40)] {
            XCTAssertTrue(ConfigurationLoader.isValidOutletID(id), id)
        }
        for id in [
            "", "-dw", "_dw", "Dw", "dw!", "dw news", "d\u{e9}", "dw\n", String(repeating: "x", count: 41),
        ] {
            XCTAssertFalse(ConfigurationLoader.isValidOutletID(id), id)
        }
    }

    func testSyntaxErrorSaysWhere() {
        XCTAssertThrowsError(try ConfigurationLoader.parse("interval = \"15m\"\n[outlets\n", file: "f.toml")) {
            XCTAssertTrue("\($0)".hasPrefix("f.toml: line 2"), "\($0)")
        }
    }

    func testUnreadableFile() {
        XCTAssertThrowsError(try ConfigurationLoader.load(path: "/nonexistent/newswired.toml")) {
            XCTAssertTrue("\($0)".hasPrefix("/nonexistent/newswired.toml: cannot read the file"), "\($0)")
        }
    }

    func testShippedConfigurationParsesToTheDefaults() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../etc/newswire/newswired.toml")
        let configuration = try ConfigurationLoader.load(path: url.standardizedFileURL.path)
        XCTAssertEqual(configuration, DaemonConfiguration())
    }

    func testPathsFollowSystemdThenXDG() {
        let systemd = DaemonPaths.resolve(
            stateDirectory: nil, socket: nil,
            environment: [
                "STATE_DIRECTORY": "/var/lib/newswire", "RUNTIME_DIRECTORY": "/run/newswire", "HOME": "/root",
            ])
        XCTAssertEqual(systemd.stateDirectory.path, "/var/lib/newswire")
        XCTAssertEqual(systemd.socketPath, "/run/newswire/events.sock")
        let user = DaemonPaths.resolve(
            stateDirectory: nil, socket: nil,
            environment: [
                "XDG_RUNTIME_DIR": "/run/user/1000", "HOME": "/home/ann",
            ])
        XCTAssertEqual(user.stateDirectory.path, "/home/ann/.local/state/newswire")
        XCTAssertEqual(user.socketPath, "/run/user/1000/newswire/events.sock")
    }
}
