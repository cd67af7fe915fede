import GRDB

/// The schema, as an ordered list of migrations. Never edit a shipped migration: add one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    CREATE TABLE feeds (
                        url TEXT PRIMARY KEY,
                        outlet TEXT NOT NULL,
                        etag TEXT,
                        last_modified TEXT,
                        poll_state TEXT,
                        failing INTEGER NOT NULL DEFAULT 0,
                        disabled INTEGER NOT NULL DEFAULT 0,
                        last_error TEXT,
                        last_attempt REAL,
                        last_success REAL,
                        moved_to TEXT,
                        moved_count INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE TABLE stories (
                        id INTEGER PRIMARY KEY,
                        headline TEXT NOT NULL,
                        outlets TEXT NOT NULL,
                        article_count INTEGER NOT NULL,
                        brief TEXT NOT NULL DEFAULT '[]',
                        created REAL NOT NULL,
                        last_activity REAL NOT NULL,
                        merged_into INTEGER REFERENCES stories(id)
                    );
                    CREATE INDEX stories_by_activity ON stories(last_activity);
                    CREATE TABLE articles (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        outlet TEXT NOT NULL,
                        url TEXT NOT NULL,
                        canonical_url TEXT NOT NULL,
                        guid TEXT,
                        title TEXT NOT NULL,
                        summary TEXT NOT NULL,
                        authors TEXT NOT NULL DEFAULT '[]',
                        published REAL,
                        version_date REAL,
                        fingerprint TEXT NOT NULL,
                        first_seen REAL NOT NULL,
                        story_id INTEGER REFERENCES stories(id),
                        join_score REAL,
                        join_terms TEXT
                    );
                    CREATE INDEX articles_by_story ON articles(story_id);
                    CREATE TABLE article_keys (
                        key TEXT PRIMARY KEY,
                        article_id INTEGER NOT NULL REFERENCES articles(id)
                    ) WITHOUT ROWID;
                    CREATE TABLE article_hints (
                        hint TEXT NOT NULL,
                        article_id INTEGER NOT NULL REFERENCES articles(id),
                        PRIMARY KEY (hint, article_id)
                    ) WITHOUT ROWID;
                    CREATE TABLE article_versions (
                        article_id INTEGER NOT NULL REFERENCES articles(id),
                        fingerprint TEXT NOT NULL,
                        PRIMARY KEY (article_id, fingerprint)
                    ) WITHOUT ROWID;
                    CREATE TABLE events (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        type TEXT NOT NULL,
                        time REAL NOT NULL,
                        outlet TEXT,
                        line TEXT NOT NULL
                    );
                    """)
        }
        return migrator
    }
}
