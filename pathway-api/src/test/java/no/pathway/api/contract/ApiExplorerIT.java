package no.pathway.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.api.security.Role;
import no.pathway.api.support.Browser;
import no.pathway.api.support.WebIT;
import no.pathway.api.ui.login.PageSecurityConfiguration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Development's API explorer: Swagger UI on the hand-written document, under the pages' content security policy
 * (a violation would show in the browser console), where an integrator tries a call with a development token.
 */
class ApiExplorerIT extends WebIT {

    @Test
    void an_integrator_tries_a_call_with_a_development_token_in_the_explorer() {
        Map<String, List<String>> headers = api(Set.of(Role.AUDITOR), Set.of()).headers("/api-explorer/index.html");
        assertThat(headers.get("content-security-policy")).containsExactly(PageSecurityConfiguration.pagePolicy());
        String token = api(Set.of(Role.AUDITOR), Set.of()).post("/dev/tokens",
                Map.of("roles", List.of("AUDITOR"), "client", "explorer")).json().get("accessToken").stringValue();

        try (Browser browser = Browser.start(base(), getClass())) {
            browser.open("/api-explorer");
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(60));
            wait.until(d -> !browser.all(".swagger-ui .info .title").isEmpty());
            assertThat(browser.find(".swagger-ui .info .title").getText()).startsWith("Pathway API");
            assertThat(browser.all(".opblock")).hasSizeGreaterThanOrEqualTo(25);
            browser.look("api-explorer");

            browser.find(".btn.authorize").click();
            WebElement bearer = wait.until(d -> browser.all(".auth-container input").stream().findFirst()
                    .orElse(null));
            bearer.sendKeys(token);
            browser.find(".auth-container .btn.modal-btn.auth.authorize").click();
            browser.find(".btn-done").click();

            browser.find("#operations-Dashboard-summarizeGaps .opblock-summary").click();
            wait.until(d -> !browser.all("#operations-Dashboard-summarizeGaps .btn.execute").isEmpty());
            browser.find("#operations-Dashboard-summarizeGaps .btn.execute").click();
            String status = "#operations-Dashboard-summarizeGaps .live-responses-table tbody .response-col_status";
            wait.until(d -> !browser.all(status).isEmpty());
            assertThat(browser.find(status).getText()).startsWith("200");
            browser.look("api-explorer-tried");
        }
    }
}
