package no.pathway.api.ui.devlogin;

import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Where the development provider keeps its login and the authorization request waiting for it: in the same browser
 * session as the pages' login (one origin, one cookie), under keys of their own, so neither overwrites the other.
 * Logging out of the pages ends the session, and so the provider's login with it.
 */
final class DevLogins {
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    DevLogins() {
        contexts.setSpringSecurityContextKey("PATHWAY_DEV_PROVIDER_LOGIN");
        requests.setSessionAttrName("PATHWAY_DEV_PROVIDER_REQUEST");
        requests.setMatchingRequestParameterName(null);
    }

    HttpSessionSecurityContextRepository contexts() {
        return contexts;
    }

    HttpSessionRequestCache requests() {
        return requests;
    }
}
