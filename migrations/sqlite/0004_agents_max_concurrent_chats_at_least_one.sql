-- An agent takes at least one chat at once (the API refuses 0 since this version); agents saved with 0 before
-- get 1, so that every stored agent reads back as the API describes it.
UPDATE agents SET max_concurrent_chats = 1 WHERE max_concurrent_chats < 1;
