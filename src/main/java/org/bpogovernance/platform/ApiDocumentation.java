package org.bpogovernance.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

/**
 * What Swagger UI and {@code /v3/api-docs} say about the API: the product's name, the version of
 * this build, how to log in, and the service itself as the server (a relative address, so
 * <em>Try it out</em> calls the address the page was opened on). Each controller names its
 * resource with {@code @Tag}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String TITLE = "BPO Governance API";
    static final String BASIC = "basicAuth";
    /** The resources in the order a new user meets them; the controllers' {@code @Tag}s describe them. */
    static final List<String> TAG_ORDER = List.of("Me", "Engagements", "Stakeholders", "Service levels", "Meetings",
            "Reviews", "Milestones", "Action items", "Escalations", "Renewal", "Exit", "Portfolio", "Notifications", "Audit");

    @Bean
    OpenAPI governanceApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties == null ? "development" : properties.getVersion();
        String engine = properties == null || properties.get("camunda.version") == null ? "Camunda 7"
                : "Camunda " + properties.get("camunda.version");
        return new OpenAPI()
                .info(new Info().title(TITLE).version(version)
                        .description("""
                                The governance of business-process-outsourcing relationships: engagements and \
                                their stakeholders, service levels and measurements, milestone review calls, \
                                action items, escalations, renewal or exit, the portfolio and the audit trail. \
                                Runs on an embedded %s engine; its own REST API is at `/engine-rest`.

                                **Logging in.** Reads work with your Tasklist or Cockpit login (open this page \
                                after logging in there). Changes need your user name and password: *Authorize* \
                                (HTTP Basic). Everyone sees only the engagements they are a stakeholder of; \
                                governance officers see the portfolio. Errors are RFC 9457 problem details.\
                                """.formatted(engine)))
                .servers(List.of(new Server().url("/").description("This service")))
                .components(new Components().addSecuritySchemes(BASIC, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("Your user name and password (the same as for Tasklist)")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /**
     * Resources in {@link #TAG_ORDER}, and JSON first wherever an answer also comes as CSV: Swagger UI
     * asks for the first media type, and <em>Try it out</em> should answer JSON unless CSV is chosen.
     */
    @Bean
    OpenApiCustomizer jsonFirstAndTagsInOrder() {
        return api -> {
            if (api.getTags() != null) {
                api.getTags().sort(Comparator.comparingInt(tag -> TAG_ORDER.contains(tag.getName())
                        ? TAG_ORDER.indexOf(tag.getName()) : TAG_ORDER.size()));
            }
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().values().stream().flatMap(path -> path.readOperations().stream())
                    .flatMap(operation -> operation.getResponses() == null ? Stream.empty()
                            : operation.getResponses().values().stream())
                    .filter(response -> response.getContent() != null)
                    .forEach(response -> response.setContent(jsonFirst(response.getContent())));
        };
    }

    private static Content jsonFirst(Content content) {
        Content ordered = new Content();
        content.entrySet().stream()
                .sorted(Comparator.comparing(type -> !type.getKey().equals(MediaType.APPLICATION_JSON_VALUE)))
                .forEach(type -> ordered.addMediaType(type.getKey(), type.getValue()));
        return ordered;
    }
}
