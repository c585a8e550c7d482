package dev.beckon.ingest.rabbit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CustomerShardTest {

    @Test
    void aCustomerAlwaysLandsOnTheShardItsIdsCrc32Names() {
        // What a producer computes in Python: zlib.crc32(b"c-1042") == 0x19f2efc1, and 0x19f2efc1 % 8 == 1.
        assertThat(CustomerShard.of("c-1042", 8)).isEqualTo(1);
        assertThat(CustomerShard.of("c-1042", 3)).isEqualTo((int) (0x19f2efc1L % 3));
    }

    @Test
    void customersSpreadEvenlyOverTheShards() {
        int[] counts = new int[6];
        IntStream.range(0, 60_000).forEach(i -> counts[CustomerShard.of("customer-" + i, 6)]++);
        assertThat(java.util.Arrays.stream(counts).boxed().toList()).allSatisfy(count -> assertThat(count).isBetween(9_000, 11_000));
    }

    @Test
    void theRouterReadsTheTopLevelCustomerIdWhereverItIs() {
        assertThat(customerId("{\"id\":\"e1\",\"data\":{\"customerId\":\"inner\"},\"customerId\":\"c-7\"}")).isEqualTo("c-7");
        assertThat(customerId("{\"customerId\":\"c-8\",\"type\":\"x\"}")).isEqualTo("c-8");
    }

    @Test
    void aMessageWithoutAReadableCustomerIdGoesToTheShardOfTheEmptyId() {
        assertThat(customerId("not json")).isEmpty();
        assertThat(customerId("{\"customerId\": 42}")).isEmpty();
        assertThat(customerId("[1, 2]")).isEmpty();
        assertThat(customerId("{\"id\": \"e1\"")).isEmpty();
    }

    private static String customerId(String body) {
        return ShardRouter.customerId(body.getBytes(StandardCharsets.UTF_8));
    }
}
