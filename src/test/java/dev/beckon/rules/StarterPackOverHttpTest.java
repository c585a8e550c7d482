package dev.beckon.rules;

import static dev.beckon.support.Api.api;

import dev.beckon.support.EventChannel;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StarterPackOverHttpTest extends StarterPackScenarios {

    @Override
    EventChannel channel() {
        return (type, json) -> api().body(json).post("/api/events").then().statusCode(202);
    }
}
