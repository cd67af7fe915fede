import FeedParser
import Foundation
import XCTest

/// A test-only entry point for the differential script (`Tests/differential/run.sh`): when
/// `NEWSWIRE_PARSE_DUMP_DIR` names a directory, every feed file below it is parsed and its
/// `ParseReport` JSON is written next to the others in `NEWSWIRE_PARSE_DUMP_OUT` (one
/// `<relative path>.json` per document). Without the variable the test does nothing.
final class ParseDumpTests: XCTestCase {
    func testDumpReportsWhenAsked() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let input = environment["NEWSWIRE_PARSE_DUMP_DIR"] else { return }
        let output = URL(fileURLWithPath: environment["NEWSWIRE_PARSE_DUMP_OUT"] ?? input + ".ours")
        let base = URL(fileURLWithPath: input).standardizedFileURL
        let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
        let files = (walker?.compactMap { $0 as? URL } ?? [])
            .filter { !$0.hasDirectoryPath && !["md", "txt"].contains($0.pathExtension) }
        let now = Date(timeIntervalSince1970: 1_750_000_000)
        var written = 0
        for file in files {
            let relative = String(file.standardizedFileURL.path.dropFirst(base.path.count + 1))
            guard let data = try? Data(contentsOf: file) else { continue }
            let json = ParseReport.json(parsing: data, now: now)
            let target = output.appendingPathComponent(relative + ".json")
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(),
                withIntermediateDirectories: true)
            try Data(json.utf8).write(to: target)
            written += 1
        }
        XCTAssertEqual(written, files.count)
    }
}
