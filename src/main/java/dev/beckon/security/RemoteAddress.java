package dev.beckon.security;

import io.vertx.ext.web.RoutingContext;

/** The address a request came from: the client's own, or the one a trusted proxy forwarded. */
final class RemoteAddress {

    private RemoteAddress() {
    }

    static String of(RoutingContext http) {
        if (http == null || http.request().remoteAddress() == null) {
            return null;
        }
        return http.request().remoteAddress().hostAddress();
    }
}
