package dev.beckon.campaign;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Offer code pools ({@code beckon.offer-codes.*}). */
@ConfigMapping(prefix = "beckon.offer-codes")
public interface OfferCodeConfig {

    /**
     * How often each replica counts the free codes of the pools in use, for the gauge
     * {@code beckon_offer_codes_available} and the warning when one runs empty ({@code 30s}, {@code 1m});
     * {@code off} turns it off on that replica. Read by the scheduler as {@code beckon.offer-codes.check-interval}.
     */
    @WithDefault("30s")
    String checkInterval();
}
