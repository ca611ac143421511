-- Logins delete expired sessions (AuthService::login); the index keeps that from scanning every session.
CREATE INDEX agent_sessions_expires ON agent_sessions (expires_at);
