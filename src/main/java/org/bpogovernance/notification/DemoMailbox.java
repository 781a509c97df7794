package org.bpogovernance.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * The demo's mail server: with the demo on ({@code governance.demo.enabled}) and no SMTP server
 * configured ({@code spring.mail.host} unset, i.e. {@code GOVERNANCE_SMTP_HOST} empty), the service
 * runs GreenMail in-process on 127.0.0.1:{@code governance.demo.smtp-port} (2525; 0 for any free
 * port) and sends every mail there, so the outbox delivers and the mailbox page
 * ({@link DemoMailboxController}) shows what everyone was sent. Never with a real SMTP server, and
 * never in production (the postgres profile switches the demo off).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoMailbox.On.class)
class DemoMailbox {

    private static final Logger log = LoggerFactory.getLogger(DemoMailbox.class);

    /** The demo is on and no SMTP server is configured. */
    static class On implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return context.getEnvironment().getProperty("governance.demo.enabled", Boolean.class, false)
                    && !StringUtils.hasText(context.getEnvironment().getProperty("spring.mail.host"));
        }
    }

    @Bean(destroyMethod = "stop")
    GreenMail demoSmtpServer(@Value("${governance.demo.smtp-port:2525}") int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail server = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        server.start();
        log.info("No SMTP server configured: the demo's mail server listens on 127.0.0.1:{}; the mails are at /mailbox",
                server.getSmtp().getPort());
        return server;
    }

    /** Spring Boot's own mail sender steps back for this one. */
    @Bean
    JavaMailSenderImpl demoMailSender(GreenMail demoSmtpServer) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(demoSmtpServer.getSmtp().getPort());
        return sender;
    }
}
