import Foundation
import StoryClustering

/// Every decision of a run, written out so that two builds can be compared line by line
/// (`--trace FILE`): a pure speed change must leave this file unchanged.
///
/// One line per article: its story, whether it started it, the score's bits, the shared terms and
/// absorbed stories; every 500 articles also the summary of the story it went to (headline, outlets,
/// size, brief), so that exemplars are compared too. Identity keys and hints go into the run's checksum.
struct DecisionTrace {
    private let handle: FileHandle
    private var buffer = ""

    init?(path: String) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { return nil }
        self.handle = handle
    }

    mutating func record(
        _ article: ClusterArticle, _ assignment: StoryAssignment, number: Int, clusterer: StoryClusterer
    ) {
        let explanation = assignment.explanation
        buffer +=
            "\(article.id) \(assignment.story) \(assignment.isNewStory ? "new" : "join") "
            + "\(String(explanation.score.bitPattern, radix: 16)) [\(explanation.sharedTerms.joined(separator: ","))] "
            + "\(assignment.absorbedStories)\n"
        if number % 500 == 0, let summary = clusterer.summary(of: assignment.story) {
            buffer +=
                "  summary \(summary.id) \(summary.articleCount) \(summary.outlets) \(summary.headline) | "
                + summary.brief.joined(separator: " | ") + "\n"
        }
        if buffer.utf8.count > 1 << 20 { flush() }
    }

    /// One item's identity outputs.
    mutating func record(identity outputs: String) {
        buffer += "identity " + outputs + "\n"
    }

    mutating func flush() {
        handle.write(Data(buffer.utf8))
        buffer = ""
    }
}
