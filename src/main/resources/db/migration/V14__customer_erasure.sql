-- Customers erased on request (GDPR art. 17). Only a hash of the id is kept: enough to refuse the
-- customer's later and replayed events, so erasure is not undone by a sender's retry, without
-- keeping the id itself.
CREATE TABLE erased_customers (
    customer_hash  text        PRIMARY KEY,
    erased_at      timestamptz NOT NULL,
    erased_by      text        NOT NULL
);
