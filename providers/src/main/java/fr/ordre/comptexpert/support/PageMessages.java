package fr.ordre.comptexpert.support;

import java.util.List;
import java.util.function.Function;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/**
 * Puts a step's messages on its page: a field's message next to its field, a page-level notice drawn as its
 * kind (the theme styles success, info and error notices apart). Shared by the pages that mix both, so that
 * none files a notice as an error again.
 */
public final class PageMessages {

    /** How a page-level notice is drawn. */
    public enum Kind {
        SUCCESS,
        INFO,
        ERROR
    }

    private PageMessages() {}

    /** @param kindOf the kind of each page-level notice, by its message key */
    public static LoginFormsProvider show(
            LoginFormsProvider form, List<FormMessage> messages, Function<String, Kind> kindOf) {
        for (FormMessage message : messages) {
            // FormMessage(null, key) is filed under "global", not null: only a named field's message sits by its field.
            if (!FormMessage.GLOBAL.equals(message.getField())) {
                form.addError(message);
                continue;
            }
            switch (kindOf.apply(message.getMessage())) {
                case SUCCESS -> form.setSuccess(message.getMessage(), message.getParameters());
                case INFO -> form.setInfo(message.getMessage(), message.getParameters());
                case ERROR -> form.setError(message.getMessage(), message.getParameters());
            }
        }
        return form;
    }
}
