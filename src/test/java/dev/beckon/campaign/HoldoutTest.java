package dev.beckon.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HoldoutTest {

    @Test
    void aTenPercentControlGroupHoldsOutAboutOneCustomerInTenAlwaysTheSameOnes() {
        long held = IntStream.range(0, 20_000).mapToObj(i -> "c-" + i)
                .filter(c -> Holdout.holdsOut("cart-rescue", c, BigDecimal.TEN)).count();
        assertThat(held).isBetween(1_800L, 2_200L);
        assertThat(Holdout.holdsOut("cart-rescue", "c-42", BigDecimal.TEN))
                .isEqualTo(Holdout.holdsOut("cart-rescue", "c-42", BigDecimal.TEN));
    }

    @Test
    void aCustomersGroupsInTwoCampaignsAreChosenIndependently() {
        long both = IntStream.range(0, 20_000).mapToObj(i -> "c-" + i)
                .filter(c -> Holdout.holdsOut("a", c, BigDecimal.valueOf(50)) && Holdout.holdsOut("b", c, BigDecimal.valueOf(50)))
                .count();
        assertThat(both).as("held out of both 50% groups: about a quarter").isBetween(4_600L, 5_400L);
    }

    @Test
    void noControlGroupHoldsOutNobodyAndAFullOneEverybody() {
        assertThat(IntStream.range(0, 1_000).mapToObj(i -> "c-" + i)
                .noneMatch(c -> Holdout.holdsOut("x", c, BigDecimal.ZERO))).isTrue();
        assertThat(IntStream.range(0, 1_000).mapToObj(i -> "c-" + i)
                .allMatch(c -> Holdout.holdsOut("x", c, BigDecimal.valueOf(100)))).isTrue();
    }
}
