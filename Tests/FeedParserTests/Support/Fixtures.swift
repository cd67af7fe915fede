import Foundation

/// Access to the feed documents under `Fixtures/`.
enum Fixtures {
    /// The directory holding the fixtures (copied into the test bundle).
    static var root: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }

    /// The bytes of `Fixtures/<path>`.
    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(path))
    }

    /// Every `.xml`/`.json`/`.rss`/`.atom`/`.rdf` file below `Fixtures/<folder>`, sorted.
    static func files(in folder: String) -> [URL] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { ["xml", "json", "rss", "atom", "rdf"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }
}
