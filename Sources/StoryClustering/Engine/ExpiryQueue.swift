import Foundation

/// A min-heap of stories by the time they were last known to be active, so that `expire(now:)`
/// touches only stories that may have gone quiet.
///
/// Each story has one entry; when the entry comes up and the story has been active since, it is put
/// back with its newer time instead of being closed.
struct ExpiryQueue: Sendable {
    private var heap: [(time: TimeInterval, story: StoryID)] = []

    var count: Int { heap.count }

    /// The earliest entry.
    var first: (time: TimeInterval, story: StoryID)? { heap.first }

    mutating func insert(time: TimeInterval, story: StoryID) {
        heap.append((time, story))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].time < heap[parent].time else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest entry.
    mutating func popFirst() -> (time: TimeInterval, story: StoryID)? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let first = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].time < heap[smallest].time { smallest = left }
            if right < heap.count && heap[right].time < heap[smallest].time { smallest = right }
            guard smallest != parent else { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }
}
