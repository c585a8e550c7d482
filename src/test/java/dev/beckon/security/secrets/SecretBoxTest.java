package dev.beckon.security.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    static final byte[] OLD = "the old key, exactly 32 bytes!!!".getBytes(StandardCharsets.US_ASCII);
    static final byte[] NEW = "the new key, exactly 32 bytes!!!".getBytes(StandardCharsets.US_ASCII);
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void aSecretIsStoredAsCiphertextNamingItsKeyAndReadBack() {
        SecretBox box = new SecretBox(OLD, List.of());
        String stored = box.encrypt(SECRET);

        assertThat(stored).startsWith("enc:v1:" + SecretBox.idOf(OLD) + ":").doesNotContain(SECRET)
                .doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(box.decrypt(stored)).isEqualTo(SECRET);
        assertThat(box.encrypt(SECRET)).as("a fresh nonce each time").isNotEqualTo(stored);
    }

    @Test
    void aChangedCiphertextIsRefusedRatherThanReadAsAnotherSecret() {
        SecretBox box = new SecretBox(OLD, List.of());
        String stored = box.encrypt(SECRET);
        byte[] raw = Base64.getDecoder().decode(stored.substring(stored.lastIndexOf(':') + 1));
        raw[raw.length - 1] ^= 1;
        String tampered = stored.substring(0, stored.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> box.decrypt(tampered)).hasMessageContaining("does not decrypt");
    }

    @Test
    void afterRotationOldValuesAreReadUnderThePreviousKeyAndMarkedForReencryption() {
        String underOld = new SecretBox(OLD, List.of()).encrypt(SECRET);
        SecretBox rotated = new SecretBox(NEW, List.of(OLD));

        assertThat(rotated.decrypt(underOld)).isEqualTo(SECRET);
        assertThat(rotated.needsReencryption(underOld)).isTrue();
        String reencrypted = rotated.encrypt(rotated.decrypt(underOld));
        assertThat(rotated.needsReencryption(reencrypted)).isFalse();
        assertThat(new SecretBox(NEW, List.of()).decrypt(reencrypted)).isEqualTo(SECRET);
    }

    @Test
    void aValueUnderAKeyNotGivenIsRefusedNamingTheKeyIdOnly() {
        String underOld = new SecretBox(OLD, List.of()).encrypt(SECRET);
        SecretBox withoutOld = new SecretBox(NEW, List.of());

        assertThat(withoutOld.canRead(underOld)).isFalse();
        assertThatThrownBy(() -> withoutOld.decrypt(underOld)).isInstanceOf(SecretBox.UnknownKeyException.class)
                .hasMessageContaining(SecretBox.idOf(OLD)).hasMessageContaining("BECKON_SECRETS_PREVIOUS_KEYS");
    }

    @Test
    void aValueStoredBeforeEncryptionIsReadAsItIsAndMarkedForEncryption() {
        SecretBox box = new SecretBox(NEW, List.of());
        assertThat(box.decrypt(SECRET)).isEqualTo(SECRET);
        assertThat(box.needsReencryption(SECRET)).isTrue();
    }

    @Test
    void aKeyOfTheWrongSizeIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> SecretKeys.decode(Base64.getEncoder().encodeToString("too short".getBytes()), "beckon.secrets.key"))
                .hasMessage("beckon.secrets.key must be base64 of 32 random bytes (openssl rand -base64 32)");
    }
}
