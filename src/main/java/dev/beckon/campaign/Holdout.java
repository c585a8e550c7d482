package dev.beckon.campaign;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The control group of a campaign: a stable, uniform choice of customers by hash. */
final class Holdout {

    private Holdout() {
    }

    /** True for about {@code percent}% of customers, always the same ones for the same campaign. */
    static boolean holdsOut(String campaign, String customerId, BigDecimal percent) {
        if (percent == null || percent.signum() <= 0) {
            return false;
        }
        return bucket(campaign, customerId) < percent.movePointRight(2).longValue();
    }

    /** 0 to 9,999, from the first bytes of SHA-256 of "campaign:customer". */
    static long bucket(String campaign, String customerId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((campaign + ":" + customerId).getBytes(StandardCharsets.UTF_8));
            return Integer.toUnsignedLong(ByteBuffer.wrap(digest).getInt()) % 10_000;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
