package dev.beckon.campaign.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV as RFC 4180 has it: fields separated by commas, records ended by CRLF, and a field
 * quoted when it holds a comma, a quote, CR or LF, with each quote doubled. A text field that a
 * spreadsheet would take for a formula (it starts with =, +, -, @, a tab or CR) gets a leading
 * apostrophe, so opening an export never runs what a customer id or a reason happens to hold.
 */
final class CsvCells {

    private CsvCells() {
    }

    /** Writes one record: {@code texts} says, per field, whether it is free text (guarded) or a value Beckon wrote. */
    static void record(Writer out, List<String> fields, List<Boolean> texts) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String field = fields.get(i);
            if (field != null) {
                out.write(escape(texts.get(i) ? defused(field) : field));
            }
        }
        out.write("\r\n");
    }

    static String escape(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** The text as a spreadsheet shows it without evaluating it: an apostrophe before a would-be formula. */
    static String defused(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
