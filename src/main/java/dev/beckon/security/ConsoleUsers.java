package dev.beckon.security;

import dev.beckon.audit.AuditLog;
import dev.beckon.console.ConsoleRoles;
import dev.beckon.platform.FieldError;
import dev.beckon.platform.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Console users as an admin manages them: create one with an initial password, change roles,
 * disable and enable, reset a password. Every change is audited; disabling a user or resetting
 * their password ends their open sessions. Admins cannot lock themselves out: they may not
 * remove their own admin role or disable themselves, so an installation keeps at least the admin
 * who is making changes.
 */
@ApplicationScoped
public class ConsoleUsers {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");
    static final int SHORTEST_PASSWORD = 12;
    /** bcrypt reads at most 72 bytes: a longer password would be checked only in part. */
    static final int LONGEST_PASSWORD_BYTES = 72;

    @Inject
    AuditLog audit;
    @Inject
    ConsoleSessions sessions;
    @Inject
    Clock clock;

    public List<ConsoleUser> list() {
        return QuarkusTransaction.requiringNew().call(() -> ConsoleUser.<ConsoleUser>list("order by username"));
    }

    public ConsoleUser get(String username) {
        return QuarkusTransaction.requiringNew().call(() -> find(username));
    }

    public ConsoleUser create(String username, String password, Collection<String> roles) {
        String name = username == null ? "" : username.strip();
        if (!NAME.matcher(name).matches()) {
            throw invalid("username", "must be 2 to 64 letters, digits or . _ @ -, starting with a letter or digit");
        }
        checkPassword(password);
        Set<String> granted = checkRoles(roles);
        return QuarkusTransaction.requiringNew().call(() -> {
            if (ConsoleUser.findById(name) != null) {
                throw ProblemException.conflict("A user named " + name + " exists already");
            }
            ConsoleUser user = new ConsoleUser();
            user.username = name;
            user.passwordHash = Passwords.hash(password);
            user.roles = String.join(",", granted);
            user.createdAt = clock.instant();
            user.persist();
            audit.record("console-user.created", target(name), Map.of("roles", user.roles));
            return user;
        });
    }

    public ConsoleUser setRoles(String username, Collection<String> roles) {
        Set<String> granted = checkRoles(roles);
        return QuarkusTransaction.requiringNew().call(() -> {
            ConsoleUser user = find(username);
            if (isSelf(username) && user.roleSet().contains(ConsoleRoles.ADMIN) && !granted.contains(ConsoleRoles.ADMIN)) {
                throw ProblemException.conflict("You cannot remove your own admin role: another admin can");
            }
            String before = user.roles;
            user.roles = String.join(",", granted);
            audit.record("console-user.roles-changed", target(username), Map.of("from", before, "to", user.roles));
            return user;
        });
    }

    public ConsoleUser disable(String username) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ConsoleUser user = find(username);
            if (isSelf(username)) {
                throw ProblemException.conflict("You cannot disable yourself: another admin can");
            }
            if (user.disabledAt == null) {
                user.disabledAt = clock.instant();
                sessions.endAllOf(username, "disabled");
                audit.record("console-user.disabled", target(username), Map.of());
            }
            return user;
        });
    }

    public ConsoleUser enable(String username) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ConsoleUser user = find(username);
            if (user.disabledAt != null) {
                user.disabledAt = null;
                audit.record("console-user.enabled", target(username), Map.of());
            }
            return user;
        });
    }

    /** Sets a new password chosen by the admin; the user's open sessions end. */
    public ConsoleUser resetPassword(String username, String password) {
        checkPassword(password);
        return QuarkusTransaction.requiringNew().call(() -> {
            ConsoleUser user = find(username);
            user.passwordHash = Passwords.hash(password);
            sessions.endAllOf(username, "password-reset");
            audit.record("console-user.password-reset", target(username), Map.of());
            return user;
        });
    }

    private boolean isSelf(String username) {
        return username.equals(audit.actor());
    }

    private static ConsoleUser find(String username) {
        ConsoleUser user = ConsoleUser.findById(username);
        if (user == null) {
            throw ProblemException.notFound("No console user " + username);
        }
        return user;
    }

    private static Set<String> checkRoles(Collection<String> roles) {
        Set<String> granted = new LinkedHashSet<>();
        // Kept in the order of ConsoleRoles.ALL, so the stored text does not depend on the form's order.
        ConsoleRoles.ALL.stream().filter(r -> roles != null && roles.contains(r)).forEach(granted::add);
        if (granted.isEmpty() || roles.stream().anyMatch(r -> !ConsoleRoles.ALL.contains(r))) {
            throw invalid("roles", "must be one or more of " + String.join(", ", ConsoleRoles.ALL));
        }
        return granted;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < SHORTEST_PASSWORD
                || password.getBytes(StandardCharsets.UTF_8).length > LONGEST_PASSWORD_BYTES) {
            throw invalid("password", "must be at least " + SHORTEST_PASSWORD + " characters and at most "
                    + LONGEST_PASSWORD_BYTES + " bytes");
        }
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.badRequest("The user is not valid", List.of(new FieldError(field, message)));
    }

    private static String target(String username) {
        return "console-user:" + username;
    }
}
