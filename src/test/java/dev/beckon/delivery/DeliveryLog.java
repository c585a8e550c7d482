package dev.beckon.delivery;

import static dev.beckon.support.Api.api;

import java.util.List;
import java.util.Map;

/** Reads what the API says a customer's decision was and how it was delivered. */
final class DeliveryLog {

    private DeliveryLog() {
    }

    /** The id of the customer's latest decision, or null before there is one. */
    static String decisionOf(String customer) {
        return api().get("/api/customers/" + customer + "/decisions").then().statusCode(200).extract().path("[0].id");
    }

    /** The decision's delivery to the named endpoint, as the delivery log shows it; empty before it is planned. */
    static Map<String, Object> deliveryTo(String endpoint, String decision) {
        List<Map<String, Object>> deliveries = api().get("/api/decisions/" + decision + "/deliveries").jsonPath().getList("$");
        return deliveries.stream().filter(delivery -> endpoint.equals(delivery.get("target"))).findFirst().orElse(Map.of());
    }
}
