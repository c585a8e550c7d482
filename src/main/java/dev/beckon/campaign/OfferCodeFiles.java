package dev.beckon.campaign;

import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A file of offer codes as uploaded, through the API or the console: read only up to its size
 * limit, so an oversized upload is refused without being held in memory whole.
 */
public final class OfferCodeFiles {

    /** 4 MB: 100,000 codes of 40 characters. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private OfferCodeFiles() {
    }

    /** The file as text; 413 past the limit, 400 when it is not UTF-8. */
    public static String read(InputStream body) {
        try (InputStream in = body) {
            byte[] bytes = in == null ? new byte[0] : in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ProblemException(413, "Too large", "A file of codes may be at most 4 MB: split it",
                        List.of(new FieldError("csv", "is larger than 4 MB")));
            }
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("The file is not UTF-8 text", List.of(new FieldError("csv", "must be UTF-8 text")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
