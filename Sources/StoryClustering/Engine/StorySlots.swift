/// Storage of the active stories in reusable slots, addressed by `StoryID` or by slot (slots are
/// small dense integers, so per-story scratch data can live in plain arrays).
struct StorySlots: Sendable {
    /// Stories by slot; a free slot holds a placeholder (`StoryState.vacant`).
    private var stories: [StoryState] = []
    private var occupied: [Bool] = []
    /// Clock and norm of each slot's story.
    private var vitals: [StoryVitals] = []
    private var slotByID: [StoryID: Int32] = [:]
    private var freeSlots: [Int32] = []

    /// Stories currently active.
    var count: Int { slotByID.count }
    /// Slots allocated: the bound of arrays indexed by slot.
    var capacity: Int { stories.count }

    /// The slot of an active story.
    func slot(of id: StoryID) -> Int32? { slotByID[id] }

    subscript(slot: Int32) -> StoryState {
        _read { yield stories[Int(slot)] }
        _modify { yield &stories[Int(slot)] }
    }

    /// The clock and norm of the story in `slot`.
    subscript(vitals slot: Int32) -> StoryVitals {
        get { vitals[Int(slot)] }
        _modify { yield &vitals[Int(slot)] }
    }

    /// Stores a new story and returns its slot.
    mutating func insert(_ story: StoryState, vitals storyVitals: StoryVitals) -> Int32 {
        let slot: Int32
        if let reused = freeSlots.popLast() {
            slot = reused
            stories[Int(slot)] = story
            occupied[Int(slot)] = true
            vitals[Int(slot)] = storyVitals
        } else {
            slot = Int32(stories.count)
            stories.append(story)
            occupied.append(true)
            vitals.append(storyVitals)
        }
        slotByID[story.id] = slot
        return slot
    }

    /// Removes a story and returns it (its posting entries are the caller's to remove).
    @discardableResult
    mutating func remove(slot: Int32) -> (story: StoryState, vitals: StoryVitals) {
        precondition(occupied[Int(slot)], "removing a free story slot")
        let story = stories[Int(slot)]
        stories[Int(slot)] = .vacant
        occupied[Int(slot)] = false
        slotByID[story.id] = nil
        freeSlots.append(slot)
        return (story, vitals[Int(slot)])
    }
}
