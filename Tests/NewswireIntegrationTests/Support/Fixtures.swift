import Foundation

/// The recorded feeds this test target ships (copied from ../shared so that a clone tests alone).
enum Fixtures {
    static func data(_ relativePath: String) throws -> Data {
        guard let base = Bundle.module.resourceURL else { throw DaemonTestError("test resources missing") }
        return try Data(contentsOf: base.appendingPathComponent("Fixtures").appendingPathComponent(relativePath))
    }

    /// A fresh, empty folder for one test, removed by the caller's `addTeardownBlock`.
    static func temporaryDirectory(_ name: String) throws -> URL {
        // Short paths: a Unix socket path must fit in 108 bytes.
        let url = URL(fileURLWithPath: "/tmp").appendingPathComponent("nw-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
