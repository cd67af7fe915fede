// State store: being written.
