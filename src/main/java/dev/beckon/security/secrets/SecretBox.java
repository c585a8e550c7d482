package dev.beckon.security.secrets;

import dev.beckon.platform.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts webhook secrets for the database with AES-256-GCM. A stored value reads
 * {@code enc:v1:<key id>:<base64 of nonce and ciphertext>}; the key id is the first 8 bytes of the
 * key's SHA-256, in hex, so a value says which key it needs without giving the key away. Values are
 * encrypted under the current key and read under it or any previous one, which is how the key is
 * rotated ({@link SecretsAtRest} re-encrypts whatever is under another key at start). A value
 * without the prefix is one stored before secrets were encrypted: it is read as it is until then.
 */
public final class SecretBox {

    static final String PREFIX = "enc:v1:";
    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Binds a ciphertext to its use: a value encrypted for something else under the same key does not read as a secret. */
    private static final byte[] CONTEXT = "beckon webhook secret".getBytes(StandardCharsets.US_ASCII);

    private final SecureRandom random = new SecureRandom();
    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    /** @param current the key new values are encrypted under; {@code previous}, keys old values may still be under */
    public SecretBox(byte[] current, List<byte[]> previous) {
        currentId = add(current);
        previous.forEach(this::add);
    }

    /** The id of the key values are encrypted under now. */
    public String currentKeyId() {
        return currentId;
    }

    public String encrypt(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentId), nonce);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + currentId + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String decrypt(String stored) {
        if (!isEncrypted(stored)) {
            return stored;
        }
        String keyId = keyIdOf(stored);
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new UnknownKeyException(keyId);
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length() + keyId.length() + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A stored secret under key " + keyId + " is damaged", e);
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(sealed, NONCE_BYTES));
            byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored secret under key " + keyId + " does not decrypt: it was changed", e);
        }
    }

    /** Whether the stored value should be written again: still in clear, or under a key that is no longer current. */
    public boolean needsReencryption(String stored) {
        return !isEncrypted(stored) || !currentId.equals(keyIdOf(stored));
    }

    /** Whether a key for the stored value is at hand (values in clear need none). */
    public boolean canRead(String stored) {
        return !isEncrypted(stored) || keys.containsKey(keyIdOf(stored));
    }

    static boolean isEncrypted(String stored) {
        return stored.startsWith(PREFIX);
    }

    static String keyIdOf(String stored) {
        int end = stored.indexOf(':', PREFIX.length());
        return end < 0 ? "" : stored.substring(PREFIX.length(), end);
    }

    /** The id a key is known by: the first 8 bytes of its SHA-256, in hex. */
    public static String idOf(byte[] key) {
        return Sha256.hex(key).substring(0, 16);
    }

    private String add(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("A secrets key is " + KEY_BYTES + " bytes (base64 of 32 random bytes), not "
                    + key.length);
        }
        String id = idOf(key);
        keys.putIfAbsent(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(CONTEXT);
        return cipher;
    }

    /** A stored secret is under a key Beckon was not given. */
    public static final class UnknownKeyException extends IllegalStateException {
        UnknownKeyException(String keyId) {
            super("A stored secret is encrypted under key " + keyId + ", which is neither beckon.secrets.key nor in "
                    + "beckon.secrets.previous-keys (BECKON_SECRETS_KEY, BECKON_SECRETS_PREVIOUS_KEYS)");
        }
    }
}
