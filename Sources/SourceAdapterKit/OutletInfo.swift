public import Foundation

/// Who publishes a source: the metadata a subscriber sees next to every article.
public struct OutletInfo: Sendable, Equatable, Codable {
    /// Stable identifier, lower case (`aljazeera`), used in events, journal fields and config.
    public var id: String
    public var name: String
    public var description: String
    /// A short, neutral note on the outlet's ownership and editorial perspective.
    public var perspective: String
    /// BCP 47 language tag of the outlet's default feeds.
    public var language: String
    /// ISO 3166-1 alpha-2 country where the outlet is based.
    public var country: String
    public var homepage: URL

    public init(
        id: String, name: String, description: String = "", perspective: String = "", language: String = "",
        country: String = "", homepage: URL
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.perspective = perspective
        self.language = language
        self.country = country
        self.homepage = homepage
    }
}
