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
            ("[http]\nmax_body = \"0MiB\"", "http.max_body: must be more than 0 bytes"),
            ("[http]\nmax_body = 0", "http.max_body: must be more than 0 bytes"),
            ("[http]\nmax_body = \"lots\"", "http.max_body: 'lots' is not a size"),
            ("[outlets.aljazeera]\nfeeds = [\"ftp://x\"]", "outlets.aljazeera.feeds[0]: 'ftp://x' is not"),
            ("[outlets.mine]\nname = \" \"\nfeeds = [\"https://x.org/rss\"]", "outlets.mine.name: must not be empty"),
            ("[outlets]", "outlets: names no outlet"),
            (
                "[stories]\nquiet_period = \"99999999999999d\"",
                "stories.quiet_period: '99999999999999d' is longer than a year"
            ),
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

    func testAnExplicitStartIntervalLiesWithinTheAdaptationBounds() throws {
        let cases: [(String, String)] = [
            (
                "interval = \"1s\"",
                "interval: 1 s is shorter than polling.min_interval (5 min): lower polling.min_interval"
            ),
            (
                "interval = \"3h\"",
                "interval: 3 h is longer than polling.max_interval (2 h): raise polling.max_interval"
            ),
            ("[outlets.aljazeera]\ninterval = \"1m\"", "outlets.aljazeera.interval: 60 s is shorter than"),
            (
                "[polling]\nmax_interval = \"1h\"\n[outlets.aljazeera]\ninterval = \"90m\"",
                "outlets.aljazeera.interval: 90 min is longer than polling.max_interval (60 min)"
            ),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try ConfigurationLoader.parse(text, file: "f.toml"), text) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error) should say \(expected)")
            }
        }
        // Bounds alone move the default start interval (15 min) into their range.
        let raised = try ConfigurationLoader.parse("[polling]\nmin_interval = \"30m\"", file: "f.toml")
        XCTAssertEqual(raised.interval, 1800)
        let lowered = try ConfigurationLoader.parse("[polling]\nmax_interval = \"10m\"", file: "f.toml")
        XCTAssertEqual(lowered.interval, 600)
        let fast = try ConfigurationLoader.parse(
            "interval = \"1s\"\n[polling]\nmin_interval = \"1s\"\n[outlets.aljazeera]\ninterval = \"2s\"",
            file: "f.toml")
        let outlets = try PolledOutlet.resolve(fast, file: "f.toml")
        XCTAssertEqual(fast.interval, 1)
        XCTAssertEqual(outlets.map(\.interval), [2])
    }

    func testAFeedIsListedOnce() throws {
        let cases: [(String, String)] = [
            (
                """
                [outlets.one]
                name = "One"
                feeds = ["https://x.org/rss"]
                [outlets.two]
                name = "Two"
                feeds = ["https://y.org/rss", "https://x.org/rss"]
                """,
                "outlets.two.feeds[1]: 'https://x.org/rss' is already listed as outlets.one.feeds[0]"
            ),
            (
                "[outlets.aljazeera]\nfeeds = [\"https://x.org/rss\", \"https://x.org/rss\"]",
                "outlets.aljazeera.feeds[1]: 'https://x.org/rss' is already listed as outlets.aljazeera.feeds[0]"
            ),
            (
                "[outlets.aljazeera]\n[outlets.mine]\nname = \"Mine\"\nfeeds = [\"https://www.aljazeera.com/xml/rss/all.xml\"]",
                "outlets.mine.feeds[0]: 'https://www.aljazeera.com/xml/rss/all.xml' is already listed as outlets.aljazeera.feeds[0]"
            ),
        ]
        for (text, expected) in cases {
            let configuration = try ConfigurationLoader.parse(text, file: "f.toml")
            XCTAssertThrowsError(try PolledOutlet.resolve(configuration, file: "f.toml"), text) { error in
                XCTAssertEqual("\(error)", "f.toml: \(expected): list a feed once, under one outlet")
            }
        }
    }

    func testAFileThatIsNoTextSaysWhy() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("nw-config-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertThrowsError(try ConfigurationLoader.load(path: folder.path)) {
            XCTAssertEqual("\($0)", "\(folder.path): cannot read the file (it is a directory)")
        }
        let latin1 = folder.appendingPathComponent("latin1.toml")
        try Data("# caf\u{e9}\n".utf8.map { $0 }.replacingUTF8EAcute()).write(to: latin1)
        XCTAssertThrowsError(try ConfigurationLoader.load(path: latin1.path)) {
            XCTAssertEqual("\($0)", "\(latin1.path): cannot read the file (it is not UTF-8 text)")
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

    /// `newswire story` finds the system service's state when the user has none of their own.
    func testClientsFallBackToTheSystemStateFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("paths-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let system = root.appendingPathComponent("var-lib-newswire")
        try FileManager.default.createDirectory(at: system, withIntermediateDirectories: true)
        let environment = ["HOME": root.appendingPathComponent("home").path]
        XCTAssertEqual(
            DaemonPaths.clientStateDirectory(environment: environment, systemDirectory: system.path).path,
            root.appendingPathComponent("home/.local/state/newswire").path, "neither has a database: the user's")
        FileManager.default.createFile(atPath: system.appendingPathComponent("newswire.sqlite3").path, contents: nil)
        XCTAssertEqual(
            DaemonPaths.clientStateDirectory(environment: environment, systemDirectory: system.path).path, system.path)
        let user = root.appendingPathComponent("home/.local/state/newswire")
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: user.appendingPathComponent("newswire.sqlite3").path, contents: nil)
        XCTAssertEqual(
            DaemonPaths.clientStateDirectory(environment: environment, systemDirectory: system.path).path, user.path)
    }
}

extension [UInt8] {
    /// The text with its UTF-8 `é` (C3 A9) written as Latin-1 (E9): no longer UTF-8.
    fileprivate func replacingUTF8EAcute() -> Data {
        var bytes: [UInt8] = []
        var index = 0
        while index < count {
            if index + 1 < count, self[index] == 0xC3, self[index + 1] == 0xA9 {
                bytes.append(0xE9)
                index += 2
            } else {
                bytes.append(self[index])
                index += 1
            }
        }
        return Data(bytes)
    }
}
