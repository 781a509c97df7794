package org.bpogovernance.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bpogovernance.GovernanceApplication;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * The service as an operating system process of its own (a JVM started with the test class
 * path), for tests that kill it, cut its database off or run two of it. Its output goes to
 * {@code target/service-logs/<name>.log}.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final List<String> arguments;
    private final int port;
    private final Path log;
    private Process process;

    private ServiceProcess(String name, int port, List<String> arguments) {
        this.name = name;
        this.port = port;
        this.arguments = arguments;
        this.log = Path.of("target", "service-logs", name + ".log");
    }

    /** Starts the service with these Spring Boot arguments and waits until it answers its health check. */
    public static ServiceProcess start(String name, String... arguments) {
        ServiceProcess service = new ServiceProcess(name, freePort(), List.of(arguments));
        try {
            Files.deleteIfExists(service.log); // a restart appends to the log of its first start
        } catch (IOException cannotDelete) {
            throw new IllegalStateException(cannotDelete);
        }
        service.launch();
        return service;
    }

    /** Starts it again, with the same arguments and port, after a kill or stop. */
    public ServiceProcess restart() {
        launch();
        return this;
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-cp", classPath(), GovernanceApplication.class.getName(),
                "--server.port=" + port));
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException cannotStart) {
            throw new IllegalStateException("cannot start " + name, cannotStart);
        }
        awaitHealthy(Duration.ofMinutes(3));
    }

    /** The test class path: Surefire's own list where it runs the test (its JVM sees only a manifest jar), each entry once. */
    private static String classPath() {
        String entries = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, new java.util.LinkedHashSet<>(List.of(entries.split(File.pathSeparator))));
    }

    /** Waits until {@code /actuator/health} answers 200. */
    public void awaitHealthy(Duration patience) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> health = client.send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(name + " did not become healthy within " + patience + "; see " + log.toAbsolutePath());
    }

    /** SIGKILL: no shutdown hook, no transaction finished, no connection closed. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** A normal shutdown (SIGTERM). */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public TestRestTemplate http() {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri(url(""))
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(60)));
    }

    public File log() {
        return log.toFile();
    }

    @Override
    public void close() {
        stop();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException none) {
            throw new IllegalStateException(none);
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
