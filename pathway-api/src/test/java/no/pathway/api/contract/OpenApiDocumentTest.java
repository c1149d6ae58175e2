package no.pathway.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The hand-written document parses cleanly and describes every operation of the controllers under /api/. */
class OpenApiDocumentTest {
    private static final SwaggerParseResult PARSED = parse();

    private static SwaggerParseResult parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIParser().readContents(OpenApiDocument.read(), null, options);
    }

    @Test
    void the_document_parses_without_a_message() {
        assertThat(PARSED.getMessages()).isEmpty();
        assertThat(PARSED.getOpenAPI().getOpenapi()).isEqualTo("3.0.3");
    }

    @Test
    void every_api_operation_of_the_controllers_is_in_the_document_and_nothing_else() {
        assertThat(documented()).isEqualTo(mapped());
    }

    @Test
    void every_operation_names_its_roles_its_id_and_its_errors() {
        Set<String> ids = new HashSet<>();
        PARSED.getOpenAPI().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            String name = method + " " + path;
            assertThat(op.getOperationId()).as(name).isNotBlank();
            assertThat(ids.add(op.getOperationId())).as("unique operationId of " + name).isTrue();
            assertThat(op.getExtensions()).as(name).containsKey("x-roles");
            assertThat(op.getDescription()).as(name).contains("Roles");
            assertThat(op.getResponses()).as(name).containsKeys("401", "403", "default");
        }));
    }

    private static Set<String> documented() {
        OpenAPI api = PARSED.getOpenAPI();
        Set<String> operations = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> operations.add(method + " " + normal(path))));
        return operations;
    }

    /** Every (method, path) a {@code @RestController} of the application maps under /api/. */
    private static Set<String> mapped() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Set<String> operations = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("no.pathway.api")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
            RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
            List<String> prefixes = base == null || base.path().length == 0 ? List.of("") : List.of(base.path());
            for (Method method : type.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null) {
                    continue;
                }
                List<String> paths = mapping.path().length == 0 ? List.of("") : List.of(mapping.path());
                for (String prefix : prefixes) {
                    for (String path : paths) {
                        String full = prefix + path;
                        if (full.startsWith("/api/")) {
                            for (var verb : mapping.method()) {
                                operations.add(verb.name().toUpperCase(Locale.ROOT) + " " + normal(full));
                            }
                        }
                    }
                }
            }
        }
        return operations;
    }

    private static String normal(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }
}
