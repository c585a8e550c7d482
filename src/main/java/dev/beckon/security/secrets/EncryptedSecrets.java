package dev.beckon.security.secrets;

import io.quarkus.arc.Arc;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/**
 * Stores a list of webhook secrets as a text array of ciphertexts ({@link SecretBox}), and reads it
 * back in clear. Entities mark their secrets with {@code @Convert(converter = EncryptedSecrets.class)}.
 */
@Converter
public class EncryptedSecrets implements AttributeConverter<List<String>, String[]> {

    @Override
    public String[] convertToDatabaseColumn(List<String> secrets) {
        if (secrets == null) {
            return null;
        }
        SecretBox box = box();
        return secrets.stream().map(box::encrypt).toArray(String[]::new);
    }

    @Override
    public List<String> convertToEntityAttribute(String[] stored) {
        if (stored == null) {
            return null;
        }
        SecretBox box = box();
        return Arrays.stream(stored).map(box::decrypt).toList();
    }

    private static SecretBox box() {
        return Arc.container().instance(SecretBox.class).get();
    }
}
