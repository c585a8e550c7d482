package dev.beckon.support;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every JAX-RS route Beckon serves, found in its compiled classes rather than listed by hand, so a
 * test over "every route" also covers the one added tomorrow.
 */
public final class Routes {

    /** One route: an HTTP method and a path template such as {@code /rules/versions/{version}}. */
    public record Route(String method, String path) implements Comparable<Route> {
        @Override
        public String toString() {
            return method + " " + path;
        }

        public boolean changesState() {
            return !method.equals("GET");
        }

        @Override
        public int compareTo(Route other) {
            return toString().compareTo(other.toString());
        }
    }

    private static final java.nio.file.Path CLASSES = java.nio.file.Path.of("target", "classes");
    private static final Map<Class<? extends Annotation>, String> METHODS = Map.of(GET.class, "GET", POST.class, "POST",
            PUT.class, "PUT", DELETE.class, "DELETE", PATCH.class, "PATCH");

    private Routes() {
    }

    /** The console's routes: everything but the API (/api) and signed webhooks (/hooks). */
    public static List<Route> console() {
        return all().stream().filter(r -> !r.path().startsWith("/api/") && !r.path().startsWith("/hooks/")).toList();
    }

    public static List<Route> api() {
        return all().stream().filter(r -> r.path().startsWith("/api/")).toList();
    }

    public static List<Route> all() {
        TreeSet<Route> routes = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(CLASSES.resolve("dev/beckon"))) {
            files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .map(Routes::load).filter(Objects::nonNull)
                    .filter(type -> type.isAnnotationPresent(Path.class))
                    .forEach(type -> routesOf(type, routes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (routes.isEmpty()) {
            throw new IllegalStateException("No routes found under " + CLASSES.toAbsolutePath());
        }
        return List.copyOf(routes);
    }

    private static void routesOf(Class<?> type, TreeSet<Route> routes) {
        String base = type.getAnnotation(Path.class).value();
        for (Method method : type.getDeclaredMethods()) {
            httpMethod(method).ifPresent(verb -> {
                Path sub = method.getAnnotation(Path.class);
                routes.add(new Route(verb, join(base, sub == null ? "" : sub.value())));
            });
        }
    }

    private static Optional<String> httpMethod(Method method) {
        return METHODS.entrySet().stream().filter(e -> method.isAnnotationPresent(e.getKey())).map(Map.Entry::getValue).findFirst();
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static Class<?> load(java.nio.file.Path file) {
        String name = CLASSES.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
