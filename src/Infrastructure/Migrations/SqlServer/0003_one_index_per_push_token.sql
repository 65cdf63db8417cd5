-- One index for both lookups by push token: the unique key's columns reordered to (kind, push_token, bundleid) serve the
-- holder lookup (all three) and the invalidation by push token alone (its prefix), so ix_push_tokens_push_token goes.
DROP INDEX ix_push_tokens_push_token ON push_tokens;
DROP INDEX ux_push_tokens_token ON push_tokens;
CREATE UNIQUE INDEX ux_push_tokens_token ON push_tokens (kind, push_token, bundleid);
