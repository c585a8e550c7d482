package dev.beckon.campaign;

import java.security.SecureRandom;

/**
 * Random offer codes that people can read out and type back: drawn with {@link SecureRandom}, so
 * nobody can guess the next code from the ones they were given, from an alphabet without the
 * look-alikes 0/O and 1/I. 32 letters and digits give 5 bits a character: 8 characters make
 * about 10^12 codes, so collisions in a pool of 100,000 are rare (and topped up when they happen).
 */
final class OfferCodeGenerator {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final SecureRandom random = new SecureRandom();

    /** One code: the prefix, then {@code length} random characters of the alphabet. */
    String next(String prefix, int length) {
        StringBuilder code = new StringBuilder(prefix.length() + length).append(prefix);
        for (int i = 0; i < length; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
