package dev.beckon.support;

import static dev.beckon.support.Api.api;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Publishes rule sets for tests. Tests share one running Beckon, so a test that publishes a
 * variant publishes the starter pack plus its own rules, and puts the plain pack back afterwards.
 */
public final class RuleSets {

    private RuleSets() {
    }

    public static String starterPack() {
        try {
            return Files.readString(Path.of("rules/starter-pack.drl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates and publishes the starter pack plus {@code extraRules}; returns the new version. */
    public static int publishStarterPackWith(String extraRules) {
        int version = api().body(Map.of("drl", starterPack() + extraRules, "comment", "test variant"))
                .post("/api/rulesets").then().statusCode(201).extract().path("version");
        api().body(Map.of("comment", "test")).post("/api/rulesets/" + version + "/publish")
                .then().statusCode(200).body("status", equalTo("published"));
        return version;
    }

    public static void restoreStarterPack() {
        publishStarterPackWith("");
    }
}
