package dev.beckon.console.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beckon.ingest.webhook.PayloadMapping;

/**
 * What a webhook form's mapping fields ask for: a preset chosen from the list wins over the text
 * area (which keeps showing the current mapping); otherwise the text area's mapping, or none when it is empty.
 */
record MappingChoice(String preset, PayloadMapping mapping) {

    static MappingChoice read(ObjectMapper json, String preset, String mappingText) {
        if (preset != null && !preset.isBlank()) {
            return new MappingChoice(preset.strip(), null);
        }
        return new MappingChoice(null, JsonText.read(json, mappingText, PayloadMapping.class, "mapping", "The mapping"));
    }
}
