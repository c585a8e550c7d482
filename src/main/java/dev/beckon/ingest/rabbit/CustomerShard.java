package dev.beckon.ingest.rabbit;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Which shard queue a customer's events go to: the CRC-32 of the customer id's UTF-8 bytes,
 * modulo the number of shards. CRC-32 is in every language's standard library, so a producer can
 * compute the same shard; and a customer always lands on the same queue while the count stays the same.
 */
final class CustomerShard {

    private CustomerShard() {
    }

    static int of(String customerId, int shards) {
        return (int) (crc32(customerId) % shards);
    }

    /** The CRC-32 of {@code text}'s UTF-8 bytes, as an unsigned 32-bit value. */
    static long crc32(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
