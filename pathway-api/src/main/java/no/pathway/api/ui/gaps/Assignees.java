package no.pathway.api.ui.gaps;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import no.pathway.api.people.People;
import no.pathway.api.security.Caller;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The people a page names (assignees, who made an attempt) as the reader sees them: one look-up per page. */
@Component
public class Assignees {
    private final People people;
    private final MessageSource messages;

    Assignees(People people, MessageSource messages) {
        this.people = people;
        this.messages = messages;
    }

    /** How the reader sees each of these subjects ({@link Assignee}). */
    public Function<String, Assignee> forReader(Collection<String> subjects, Caller caller, Locale locale) {
        Map<String, String> names = people.names(subjects);
        String you = messages.getMessage("followUp.you", null, locale);
        return subject -> Assignee.of(subject, caller.subject(), you, names);
    }
}
