package no.pathway.api.support;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.AfterAll;
import java.time.Instant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.pathway.api.admin.ReadModels;
import no.pathway.api.security.DevIssuer;
import no.pathway.api.security.Role;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The running application for browser tests, on a database of its own: what a page lists is exactly what these
 * tests posted. Every browser test class shares this one context (and so its database), and loads the shared
 * scenario pathways (src/test/resources/scenarios) through the API as a source system would; posting them again
 * is idempotent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(TestClockConfiguration.class)
public abstract class WebIT {
    /** The source system the scenarios are posted as. */
    private static final String SOURCE = "scenario-source";

    @Autowired
    protected TestClock clock;
    @Autowired
    protected ReadModels readModels;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected DevIssuer issuer;
    @LocalServerPort
    protected int port;
    /** This class's browser, from {@link #openBrowserAt}; closed after the class. */
    protected Browser browser;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestSettings.register(registry, () -> TestDatabase.url("web"));
    }

    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    /** A client of the API with a real token from the development issuer. */
    protected Api api(Set<Role> roles, Set<String> municipalities) {
        return new Api(port, TestTokens.mint(issuer, SOURCE, roles, municipalities, Duration.ofMinutes(30)));
    }

    /** Posts every scenario's events (real time on the clock) and waits until the read models have them. */
    protected void loadScenarios() throws IOException {
        Api source = api(Set.of(Role.SOURCE), Set.of());
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:scenarios/*.json")) {
            try (InputStream in = file.getInputStream()) {
                for (JsonNode event : Api.JSON.readTree(in).get("events")) {
                    Api.Response response = source.post("/api/v1/events", Api.JSON.writeValueAsString(event), Map.of());
                    assertThat(response.status()).as(response.text()).isIn(200, 201);
                }
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            ReadModels.Status s = readModels.status();
            return s.behind() == 0 && !s.replaying();
        });
    }

    /**
     * Freezes the clock at {@code now} (after what needs real time, such as tokens for the API, is done) and opens
     * a browser that saves its screenshots under this class's name.
     */
    protected void openBrowserAt(Instant now) {
        clock.freezeAt(now);
        browser = Browser.start(base(), getClass());
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        clock.reset();
    }

    /** The pathway of a person, as an auditor looks it up. */
    protected String pathwayOf(String personId) {
        return api(Set.of(Role.AUDITOR), Set.of()).post("/api/v1/pathways/lookup", Map.of("personId", personId))
                .json().get("pathwayId").stringValue();
    }

    /**
     * On the development provider's login page (where a page without login leads), logs in as a role in the
     * given municipalities, and lands where the browser was going.
     */
    protected void logIn(Browser browser, Role role, String... municipalities) {
        assertThat(browser.path()).startsWith("/dev/login");
        browser.find("#role-" + role).click();
        for (WebElement box : browser.all("input[name=municipality]")) {
            boolean wanted = List.of(municipalities).contains(box.getAttribute("value"));
            if (box.isSelected() != wanted) {
                box.click();
            }
        }
        browser.follow("button[type=submit]");
    }
}
