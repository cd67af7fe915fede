import Foundation
import StoryClustering

/// Builds test articles with a readable time (`2026-11-22T15:12:40Z`).
func article(_ id: String, outlet: String = "test", _ title: String, summary: String = "",
             at time: String = "2026-11-22T12:00:00Z") -> ClusterArticle {
    let formatter = ISO8601DateFormatter()
    return ClusterArticle(id: id, outlet: outlet, title: title, summary: summary,
                          published: formatter.date(from: time)!)
}

/// The seed case (`/work/shared/fixtures/seed-mali/`): five articles, two outlets, one event.
enum SeedMali {
    static let a = article(
        "A", outlet: "france24",
        "Insurgent alliance strikes at heart of Mali’s junta, exposing limits of Russian protection",
        summary: "Mali's ruling junta faced a severe challenge following coordinated attacks by separatists and "
            + "al-Qaeda-linked jihadists, resulting in two days of intense fighting across the country, marking "
            + "the most significant threat to the central government since 2012.",
        at: "2026-11-23T08:15:00Z")
    static let b = article(
        "B", outlet: "aljazeera", "Rival armed groups join forces against the Malian state: What next?",
        summary: "Armed groups in Mali, including factions with differing ideologies, have launched coordinated "
            + "attacks across the country, marking a significant escalation in violence. These assaults have "
            + "affected multiple regions, including the capital, Bamako, and beyond.",
        at: "2026-11-23T09:28:21Z")
    static let c = article(
        "C", outlet: "aljazeera", "What’s driving attacks against gov’t and Russian forces in Mali?",
        summary: "Armed groups in Mali, including factions linked to al-Qaeda, have launched a series of "
            + "coordinated attacks across the country, marking a significant escalation in violence. These "
            + "assaults have affected multiple regions, including the capital, Bamako, and the north.",
        at: "2026-11-23T09:00:02Z")
    static let d = article(
        "D", outlet: "aljazeera", "‘Scale and coordination of Mali attacks appear unprecedented’",
        summary: "Clashes between the Malian army and various rebel groups have erupted across multiple cities in "
            + "Mali, including the capital, Bamako, marking a significant escalation in violence. Reports "
            + "indicate that these attacks are characterized as coordinated assaults.",
        at: "2026-11-22T19:53:23Z")
    static let e = article(
        "E", outlet: "aljazeera", "Armed groups stage simultaneous attacks across Mali",
        summary: "Armed groups have launched simultaneous attacks across Mali, targeting the capital Bamako and "
            + "several other locations, raising alarms about the deteriorating security situation in the "
            + "country. Reports indicate that these assaults are coordinated efforts by multiple groups.",
        at: "2026-11-22T14:00:04Z")

    /// In `published` order, as the daemon meets them.
    static let inPublishedOrder = [e, d, a, c, b]
}
