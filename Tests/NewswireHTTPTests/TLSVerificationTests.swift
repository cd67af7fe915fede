import Foundation
import NewswireHTTP
import Testing

/// Certificates are verified: a server whose certificate no trusted authority signed is refused.
/// Needs the `openssl` command (Debian package `openssl`).
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")))
struct TLSVerificationTests {
    @Test func selfSignedCertificateIsRefused() async throws {
        let server = try SelfSignedTLSServer()
        defer { server.stop() }
        let fetcher = HTTPFetcher(userAgent: "NewswireTests/1.0")
        let url = try #require(URL(string: "https://127.0.0.1:\(server.port)/"))
        let error = await fetchError(fetcher, FetchRequest(url: url, limits: shortLimits()))
        await fetcher.shutdown()
        guard case .connectionFailed(url, let reason) = error else {
            Issue.record("expected connectionFailed, got \(String(describing: error))")
            return
        }
        #expect(reason.lowercased().contains("certificate"))
    }
}
