// Wire protocol: being written.
