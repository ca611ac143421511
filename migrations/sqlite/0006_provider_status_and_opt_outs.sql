-- Provider status: what a channel's provider later says of a delivery it accepted (its status callbacks), found by
-- the provider's id the channel reported. Statuses only move forward; the hub checks that before it writes.
ALTER TABLE deliveries ADD COLUMN provider_status TEXT
    CHECK (provider_status IN ('queued', 'sent', 'delivered', 'read', 'failed', 'undelivered'));
ALTER TABLE deliveries ADD COLUMN provider_status_at BIGINT;
ALTER TABLE deliveries ADD COLUMN provider_error_code TEXT;
ALTER TABLE deliveries ADD COLUMN provider_error_text TEXT;
CREATE INDEX deliveries_provider ON deliveries (channel, provider_id) WHERE provider_id IS NOT NULL;

-- Contacts who opted out of a channel instance (a WhatsApp "STOP"), by their address with any `scheme:` prefix
-- taken off and in lower case. Deliveries of that instance to them are refused without calling the channel.
CREATE TABLE contact_opt_outs (
    channel       TEXT NOT NULL,
    address       TEXT NOT NULL,
    opted_out_at  BIGINT NOT NULL,
    PRIMARY KEY (channel, address)
);
