package dev.beckon.inbox;

import dev.beckon.console.ConsoleRoles;
import dev.beckon.security.ConsoleUser;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** The console users an escalation may be assigned to: those whose roles let them work escalations. */
@ApplicationScoped
public class Assignees {

    @Transactional
    public List<String> all() {
        return ConsoleUser.<ConsoleUser>listAll(Sort.by("username")).stream()
                .filter(user -> ConsoleRoles.worksEscalations(user.roleSet()))
                .map(user -> user.username)
                .toList();
    }

    @Transactional
    public boolean canWork(String username) {
        ConsoleUser user = ConsoleUser.findById(username);
        return user != null && ConsoleRoles.worksEscalations(user.roleSet());
    }
}
