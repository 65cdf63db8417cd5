-- Fewer indexes for every new or changed record to write.
-- 1. One index for both lookups by push token: the unique key's columns reordered to (kind, push_token, bundleid) serve the
--    holder lookup (all three) and the invalidation by push token alone (its prefix), so ix_push_tokens_push_token goes.
-- 2. No index on session_id: a logout deletes the records of its session among its user's, found by ix_push_tokens_user.
DROP INDEX ix_push_tokens_push_token ON push_tokens;
DROP INDEX ux_push_tokens_token ON push_tokens;
CREATE UNIQUE INDEX ux_push_tokens_token ON push_tokens (kind, push_token, bundleid);
DROP INDEX ix_push_tokens_session ON push_tokens;
