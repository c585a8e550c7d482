package dev.beckon.campaign;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Offer codes from a CSV file as marketers export them from a shop or a spreadsheet: one code a
 * line, the first column when there are several (quoted or not), an optional header line
 * {@code code}, blank lines skipped, surrounding spaces trimmed. A line whose code could not be
 * typed or printed as it is (too long, a control character, a space inside) is reported with its
 * line number instead of being stored, so the file can be fixed.
 */
final class OfferCodeCsv {

    static final int MAX_CODE_LENGTH = 64;
    /** How many refused lines are listed; a file that is wrong everywhere says so by the count. */
    static final int MAX_LISTED_INVALID = 1000;

    /** The file's distinct codes in their order, how many repeated one before them, and the refused lines. */
    record Parsed(List<String> codes, int repeated, List<OfferCodes.InvalidLine> invalid, int invalidLines) {
    }

    private OfferCodeCsv() {
    }

    static Parsed parse(String text) {
        Set<String> codes = new LinkedHashSet<>();
        List<OfferCodes.InvalidLine> invalid = new ArrayList<>();
        int invalidLines = 0;
        int repeated = 0;
        boolean first = true;
        String[] lines = text.startsWith("\uFEFF") ? text.substring(1).split("\r?\n|\r", -1) : text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String reason = null;
            String code = null;
            try {
                code = firstColumn(lines[i]).strip();
                reason = problemWith(code);
            } catch (IllegalArgumentException e) {
                reason = e.getMessage();
            }
            boolean header = first && "code".equalsIgnoreCase(code);
            first = false;
            if (header || (reason == null && code.isEmpty())) {
                continue;
            }
            if (reason != null) {
                invalidLines++;
                if (invalid.size() < MAX_LISTED_INVALID) {
                    invalid.add(new OfferCodes.InvalidLine(i + 1, reason));
                }
            } else if (!codes.add(code)) {
                repeated++;
            }
        }
        return new Parsed(List.copyOf(codes), repeated, invalid, invalidLines);
    }

    /** Why {@code code} cannot be an offer code, or null when it can. */
    static String problemWith(String code) {
        if (code.length() > MAX_CODE_LENGTH) {
            return "is longer than " + MAX_CODE_LENGTH + " characters";
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (Character.isISOControl(c)) {
                return "holds a control character";
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return "holds whitespace: a code is typed as one word";
            }
        }
        return null;
    }

    /** The text before the first comma, or the first field when it is quoted ({@code "a ""b"""}). */
    private static String firstColumn(String line) {
        String trimmed = line.stripLeading();
        if (!trimmed.startsWith("\"")) {
            int comma = line.indexOf(',');
            return comma < 0 ? line : line.substring(0, comma);
        }
        StringBuilder field = new StringBuilder();
        for (int i = 1; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c != '"') {
                field.append(c);
            } else if (i + 1 < trimmed.length() && trimmed.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else {
                return field.toString();
            }
        }
        throw new IllegalArgumentException("has a quote that is not closed");
    }
}
