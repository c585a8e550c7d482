package dev.beckon.rules;

import dev.beckon.support.EventChannel;
import dev.beckon.support.Rabbit;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

@QuarkusTest
class StarterPackOverRabbitTest extends StarterPackScenarios {

    private Rabbit rabbit;

    @BeforeEach
    void connect() throws Exception {
        rabbit = new Rabbit();
    }

    @AfterEach
    void disconnect() throws Exception {
        rabbit.close();
    }

    @Override
    EventChannel channel() {
        return rabbit::publish;
    }
}
