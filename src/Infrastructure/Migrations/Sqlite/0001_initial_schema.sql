-- Accounts, sessions and the two collections of push tokens.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT    NOT NULL COLLATE NOCASE,
    password_hash TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_users_username ON users (username COLLATE NOCASE);

CREATE TABLE sessions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash BLOB    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_sessions_token_hash ON sessions (token_hash);
CREATE INDEX ix_sessions_user_id ON sessions (user_id);
CREATE INDEX ix_sessions_expires_at ON sessions (expires_at);

CREATE TABLE push_tokens (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    kind          INTEGER NOT NULL CHECK (kind IN (1, 2)),
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    session_id    INTEGER NULL,
    push_token    TEXT    NOT NULL,
    language      TEXT    NOT NULL,
    dev           INTEGER NOT NULL,
    bundleid      TEXT    NOT NULL,
    os            TEXT    NOT NULL,
    os_token      TEXT    NOT NULL,
    push_platform TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
-- A phone's token is unique per (kind, bundleid, push_token): this index, not a read, decides duplicates.
CREATE UNIQUE INDEX ux_push_tokens_token ON push_tokens (kind, bundleid, push_token);
CREATE INDEX ix_push_tokens_user ON push_tokens (user_id, kind, id);
CREATE INDEX ix_push_tokens_session ON push_tokens (session_id) WHERE session_id IS NOT NULL;
CREATE INDEX ix_push_tokens_updated_at ON push_tokens (updated_at);
CREATE INDEX ix_push_tokens_os_token ON push_tokens (kind, os_token) WHERE os_token <> '';
