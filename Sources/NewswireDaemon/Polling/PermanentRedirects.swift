import Foundation
import NewswireHTTP
import NewswireStore

/// A feed that moved: its new URL is used only after permanent redirects (301/308) led to the
/// same place on several polls in a row, so that one misconfigured response never moves it.
enum PermanentRedirects {
    /// Polls in a row that must agree before the new URL is used.
    static let confirmations = 3

    /// The URL to fetch for a feed configured at `configured`.
    static func fetchURL(configured: URL, state: FeedState) -> URL {
        guard state.movedCount >= confirmations, let moved = state.movedTo.flatMap(URL.init(string:)) else {
            return configured
        }
        return moved
    }

    /// Updates what is remembered of a move after a response; true when the move was just confirmed.
    static func record(_ response: FetchResponse, into state: inout FeedState) -> Bool {
        guard !response.redirects.isEmpty else {
            // Fetched without redirect: either the old URL answers again, or the new one (already confirmed).
            if state.movedCount < confirmations {
                state.movedTo = nil
                state.movedCount = 0
            }
            return false
        }
        guard response.redirects.allSatisfy(\.isPermanent) else { return false }
        let target = response.effectiveURL.absoluteString
        if state.movedTo == target {
            state.movedCount += 1
        } else {
            state.movedTo = target
            state.movedCount = 1
        }
        return state.movedCount == confirmations
    }
}
