-- Accounts, sessions and the two collections of push tokens: the SQLite schema of 0001 in T-SQL.
-- Text is NVARCHAR to match the parameters SqlClient sends (no conversion on the indexed column). Times are Unix milliseconds (UTC).
CREATE TABLE users (
    id            BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT pk_users PRIMARY KEY,
    -- User names are compared case-insensitively, whatever the database's default collation.
    username      NVARCHAR(64) COLLATE Latin1_General_100_CI_AS NOT NULL,
    password_hash NVARCHAR(512) NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE UNIQUE INDEX ux_users_username ON users (username);

CREATE TABLE sessions (
    id         BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT pk_sessions PRIMARY KEY,
    user_id    BIGINT NOT NULL CONSTRAINT fk_sessions_users REFERENCES users (id) ON DELETE CASCADE,
    token_hash VARBINARY(32) NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX ux_sessions_token_hash ON sessions (token_hash);
CREATE INDEX ix_sessions_user_id ON sessions (user_id);
CREATE INDEX ix_sessions_expires_at ON sessions (expires_at);

CREATE TABLE push_tokens (
    id            BIGINT IDENTITY (1, 1) NOT NULL CONSTRAINT pk_push_tokens PRIMARY KEY,
    kind          INT NOT NULL CONSTRAINT ck_push_tokens_kind CHECK (kind IN (1, 2)),
    user_id       BIGINT NOT NULL CONSTRAINT fk_push_tokens_users REFERENCES users (id) ON DELETE CASCADE,
    -- No foreign key: a second cascade path from users (through sessions) is refused by SQL Server; logout deletes these rows itself.
    session_id    BIGINT NULL,
    -- Push tokens, os tokens and bundle ids are case-sensitive: binary collation, as SQLite compares them.
    push_token    NVARCHAR(256) COLLATE Latin1_General_BIN2 NOT NULL,
    language      NVARCHAR(11) NOT NULL,
    dev           INT NOT NULL,
    bundleid      NVARCHAR(128) COLLATE Latin1_General_BIN2 NOT NULL,
    os            NVARCHAR(32) NOT NULL,
    os_token      NVARCHAR(512) COLLATE Latin1_General_BIN2 NOT NULL,
    push_platform NVARCHAR(16) NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
-- A phone's token is unique per (kind, bundleid, push_token): this index, not a read, decides duplicates.
CREATE UNIQUE INDEX ux_push_tokens_token ON push_tokens (kind, bundleid, push_token);
CREATE INDEX ix_push_tokens_user ON push_tokens (user_id, kind, id);
CREATE INDEX ix_push_tokens_session ON push_tokens (session_id) WHERE session_id IS NOT NULL;
CREATE INDEX ix_push_tokens_updated_at ON push_tokens (updated_at);
CREATE INDEX ix_push_tokens_os_token ON push_tokens (kind, os_token) WHERE os_token <> N'';
