package no.pathway.api.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract: the hand-written OpenAPI document ({@value #RESOURCE}), served as it is at the conventional path
 * in JSON and YAML. It is read once at start, so a document that does not parse stops the service from starting.
 */
@RestController
public class OpenApiDocument {
    public static final String RESOURCE = "openapi/pathway.yaml";
    public static final String JSON_PATH = "/v3/api-docs";
    public static final String YAML_PATH = "/v3/api-docs.yaml";
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");

    private final String yaml;
    private final String json;

    OpenApiDocument() {
        this.yaml = read();
        Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        this.json = JsonMapper.builder().build().writeValueAsString(tree);
    }

    @GetMapping(path = JSON_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public String json() {
        return json;
    }

    @GetMapping(path = YAML_PATH)
    public ResponseEntity<String> yaml() {
        return ResponseEntity.ok().contentType(YAML).body(yaml);
    }

    /** The document as packaged, for the tests that check the service against it. */
    public static String read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The OpenAPI document " + RESOURCE + " is missing", e);
        }
    }
}
