package dev.beckon.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Requests as an API client holding the test API key, and unique ids so tests never share data. */
public final class Api {

    public static final String KEY = "test-api-key-0123456789";

    private Api() {
    }

    public static RequestSpecification api() {
        return given().header("Authorization", "Bearer " + KEY).contentType(ContentType.JSON);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** An event in Beckon's contract, as JSON text. */
    public static String event(String id, String type, String customerId, String dataJson) {
        return """
                {"id": "%s", "type": "%s", "customerId": "%s", "source": "test", "data": %s}
                """.formatted(id, type, customerId, dataJson);
    }
}
