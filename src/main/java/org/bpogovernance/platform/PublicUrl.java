package org.bpogovernance.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The address people reach the service at, for links in mails and forms: {@code governance.public-url}
 * where set; else the address the service answers on — this machine's host name (or
 * {@code server.address}) and the port the web server listens on. The request's own Host header is
 * never used: whoever sent the first request would otherwise choose where every mail's links point.
 */
@Component
public class PublicUrl {

    private static final Logger log = LoggerFactory.getLogger(PublicUrl.class);

    private final String configured;
    private final String serverAddress;
    private final boolean https;
    private volatile String derived;

    PublicUrl(@Value("${governance.public-url:}") String configured, @Value("${server.address:}") String serverAddress,
            @Value("${server.ssl.enabled:false}") boolean https, @Value("${server.port:8080}") int port) {
        this.configured = configured == null ? "" : configured.strip().replaceAll("/+$", "");
        this.serverAddress = serverAddress;
        this.https = https;
        this.derived = address(port);
    }

    /** The base address, without a trailing slash: {@code https://governance.example.org}. */
    public String get() {
        return configured.isEmpty() ? derived : configured;
    }

    @EventListener
    void on(WebServerInitializedEvent started) {
        if (!"management".equals(started.getApplicationContext().getServerNamespace())) {
            derived = address(started.getWebServer().getPort());
            if (configured.isEmpty()) {
                log.info("governance.public-url is not set: links in mails point to {}", derived);
            }
        }
    }

    private String address(int port) {
        String host = serverAddress != null && !serverAddress.isBlank() && !serverAddress.equals("0.0.0.0")
                && !serverAddress.equals("::") ? serverAddress : hostName();
        boolean defaultPort = https ? port == 443 : port == 80;
        return (https ? "https" : "http") + "://" + host + (defaultPort ? "" : ":" + port);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            return "localhost";
        }
    }
}
