import Foundation
import NewswireTestSupport
import Testing

/// The loopback server itself, checked with the curl command-line tool (Debian package `curl`).
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
struct LoopbackHTTPServerTests {
    @Test func feedAnswersThenHonoursValidators() async throws {
        let server = try await LoopbackHTTPServer.start()
        let lastModified = "Tue, 25 Nov 2025 10:00:00 GMT"
        server.setRoute(
            "/feed.xml",
            .feed(
                body: Data("<rss/>".utf8), contentType: "application/rss+xml",
                etag: "\"v1\"", lastModified: lastModified))
        let first = try CurlCommand.run(["-i", server.url("/feed.xml").absoluteString])
        #expect(first.text.hasPrefix("HTTP/1.1 200"))
        #expect(first.text.hasSuffix("<rss/>"))
        let byTag = try CurlCommand.run([
            "-i", "-H", "If-None-Match: \"v1\"", server.url("/feed.xml?x=1").absoluteString,
        ])
        #expect(byTag.text.hasPrefix("HTTP/1.1 304"))
        let byDate = try CurlCommand.run([
            "-i", "-H", "If-Modified-Since: \(lastModified)",
            server.url("/feed.xml").absoluteString,
        ])
        #expect(byDate.text.hasPrefix("HTTP/1.1 304"))
        #expect(server.responseCount(to: "/feed.xml", status: 200) == 1)
        #expect(server.responseCount(to: "/feed.xml", status: 304) == 2)
        #expect(server.requests(to: "/feed.xml")[1].header("if-none-match") == "\"v1\"")
        try await server.shutdown()
    }

    @Test func gzipBodiesDecodeWithAStockDecoder() async throws {
        let server = try await LoopbackHTTPServer.start()
        let feed = Data(String(repeating: "<item>zip</item>", count: 10_000).utf8)
        server.setRoute("/gzip", .gzip(body: feed))
        server.setRoute("/bomb", .gzipBomb(decodedBytes: 1_000_003))
        let plain = try CurlCommand.run(["--compressed", server.url("/gzip").absoluteString])
        #expect(plain.exitCode == 0)
        #expect(plain.output == feed)
        let bomb = try CurlCommand.run(["--compressed", server.url("/bomb").absoluteString])
        #expect(bomb.exitCode == 0)
        #expect(bomb.output == Data(count: 1_000_003))
        let wire = try CurlCommand.run([server.url("/bomb").absoluteString])
        #expect(wire.output.count < 10_000)
        try await server.shutdown()
    }

    @Test func streamsStatusesRedirectsAndResets() async throws {
        let server = try await LoopbackHTTPServer.start()
        server.setRoute("/huge", .huge(bytes: 3_000_000))
        server.setRoute("/gone", .status(410, headers: [("X-Why", "retired")], body: Data("gone".utf8)))
        server.setRoute("/moved", .redirect(to: "/gone", status: 301))
        server.setRoute("/reset", .reset)
        server.setRoute("/drip", .slowDrip(chunk: Data("ab".utf8), every: .milliseconds(5), count: 3))
        #expect(try CurlCommand.run([server.url("/huge").absoluteString]).output.count == 3_000_000)
        let gone = try CurlCommand.run(["-i", "-L", server.url("/moved").absoluteString])
        #expect(gone.text.contains("HTTP/1.1 301"))
        #expect(gone.text.contains("HTTP/1.1 410"))
        #expect(gone.text.hasSuffix("gone"))
        #expect(try CurlCommand.run([server.url("/drip").absoluteString]).text == "ababab")
        #expect(try CurlCommand.run([server.url("/reset").absoluteString]).exitCode != 0)
        #expect(try CurlCommand.run(["-i", server.url("/nowhere").absoluteString]).text.hasPrefix("HTTP/1.1 404"))
        try await server.shutdown()
    }

    @Test func endlessAndHangingRoutesEndWhenTheClientGivesUp() async throws {
        let server = try await LoopbackHTTPServer.start()
        server.setRoute("/endless", .endless)
        server.setRoute("/hang", .hang)
        let endless = try CurlCommand.run(["--max-time", "0.3", server.url("/endless").absoluteString])
        #expect(endless.exitCode == 28)
        #expect(endless.output.count > 100_000)
        let hang = try CurlCommand.run(["--max-time", "0.3", server.url("/hang").absoluteString])
        #expect(hang.exitCode == 28)
        #expect(server.requests(to: "/hang").count == 1)
        try await server.shutdown()
    }
}
