-- Invalidation by push token alone (the sender may not know the bundle id) looks records up by (kind, push_token).
CREATE INDEX ix_push_tokens_push_token ON push_tokens (kind, push_token);
