-- Erasing a customer deletes their deliveries' attempts, then the deliveries. A dispatcher recording
-- an attempt in between made the second delete fail on this key, and the erasure with it. Attempts
-- belong to their delivery: they go with it.
ALTER TABLE delivery_attempts DROP CONSTRAINT delivery_attempts_delivery_id_fkey,
    ADD CONSTRAINT delivery_attempts_delivery_id_fkey FOREIGN KEY (delivery_id) REFERENCES deliveries (id) ON DELETE CASCADE;
