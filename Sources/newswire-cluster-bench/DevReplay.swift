import Foundation
import StoryClustering

/// The development set's real headlines, replayed endlessly with shifted times and ids (a copy every
/// three days, so that each copy's stories close before the next).
struct DevReplay {
    private let articles: [ClusterArticle]
    private var position = 0
    private var copy = 0

    init(path: String) throws {
        articles = try JSONLinesArticles.parse(try Data(contentsOf: URL(fileURLWithPath: path)))
            .sorted { $0.published < $1.published }
    }

    mutating func next() -> ClusterArticle {
        if position == articles.count {
            position = 0
            copy += 1
        }
        var article = articles[position]
        position += 1
        article.id += "-\(copy)"
        article.published = article.published.addingTimeInterval(Double(copy) * 3 * 86_400)
        return article
    }
}
