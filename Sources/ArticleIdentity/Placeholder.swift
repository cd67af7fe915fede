// Article identity: being written.
