/// An outlet's link quirks, on top of the global rules of `LinkCanonicalizer`.
public struct LinkRules: Sendable, Equatable {
    /// Query parameters that are tracking noise on this outlet's links (exact names, lower case).
    public var trackingParameters: Set<String>
    /// Query parameter prefixes that are tracking noise (`utm_` style).
    public var trackingPrefixes: [String]
    /// Path prefixes that are alternate renderings of the same page (`/amp`), removed.
    public var ampPathPrefixes: [String]
    /// Host aliases folded onto the canonical host (`m.example.com` → `example.com`).
    public var hostAliases: [String: String]

    public init(
        trackingParameters: Set<String> = [], trackingPrefixes: [String] = [], ampPathPrefixes: [String] = [],
        hostAliases: [String: String] = [:]
    ) {
        self.trackingParameters = trackingParameters
        self.trackingPrefixes = trackingPrefixes
        self.ampPathPrefixes = ampPathPrefixes
        self.hostAliases = hostAliases
    }

    /// Rules that apply to every outlet's links.
    public static let global = LinkRules(
        trackingParameters: [
            "fbclid", "gclid", "dclid", "msclkid", "yclid", "traffic_source", "at_medium", "at_campaign", "at_link",
            "at_format", "at_ptr_name", "at_bbc_team", "xtor", "smid", "smtyp", "partner", "cmpid", "ocid", "ncid",
            "ito", "maca", "in_playlist", "cmp", "mbid", "_ga", "igshid", "wt.mc_id", "ns_mchannel",
            "ns_source", "ns_campaign", "ns_linkname", "ns_fee",
        ],
        trackingPrefixes: ["utm_", "mc_", "pk_", "at_", "ga_", "hsa_", "oly_"])

    /// These rules with another set's added.
    public func merged(with other: LinkRules) -> LinkRules {
        LinkRules(
            trackingParameters: trackingParameters.union(other.trackingParameters),
            trackingPrefixes: trackingPrefixes + other.trackingPrefixes,
            ampPathPrefixes: ampPathPrefixes + other.ampPathPrefixes,
            hostAliases: hostAliases.merging(other.hostAliases) { _, new in new })
    }

    func isTracking(_ name: String) -> Bool {
        let lower = name.lowercased()
        return trackingParameters.contains(lower) || trackingPrefixes.contains { lower.hasPrefix($0) }
    }
}
