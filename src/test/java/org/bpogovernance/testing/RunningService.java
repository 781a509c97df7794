package org.bpogovernance.testing;

import java.util.ArrayList;
import java.util.List;
import org.bpogovernance.GovernanceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service started (and stopped) by a test itself, on the test database, for tests that
 * restart it. Run such tests in a JVM of their own (tag {@code own-jvm}).
 */
public final class RunningService implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static RunningService start(String dataDir, String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--governance.data-dir=" + dataDir));
        all.addAll(List.of(args));
        return new RunningService(new SpringApplicationBuilder(GovernanceApplication.class)
                .profiles(new TestDatabase().resolve(RunningService.class))
                .run(all.toArray(String[]::new)));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public TestRestTemplate http() {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port()));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() {
        context.close();
    }
}
