import Foundation
import NewswireProtocol

/// What a subscriber's first line asks for.
enum ClientRequest: Equatable {
    /// Every event after `since`, then the live stream.
    case resume(since: Int64)
    /// Anything else: the reason to tell the client.
    case invalid(String)

    /// Parses one line sent by a client.
    static func parse(_ line: String) -> ClientRequest {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard let data = trimmed.data(using: .utf8),
            let request = try? JSONDecoder().decode(ResumeRequest.self, from: data)
        else {
            let shown = trimmed.count > 80 ? String(trimmed.prefix(80)) + "…" : trimmed
            return .invalid("expected {\"since\": N} with N a whole number, got: \(shown)")
        }
        guard request.since >= 0 else { return .invalid("since must be 0 or more, got \(request.since)") }
        return .resume(since: request.since)
    }
}
