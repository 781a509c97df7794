package org.bpogovernance.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One connection to the configured SMTP server, for sending several mails one after another and
 * knowing after each whether the server took it. Spring's {@code JavaMailSender.send(MimeMessage...)}
 * reuses a connection too, but answers only after the last mail, so a sender that crashed in between
 * could not tell which mails had gone out.
 */
final class SmtpConnection implements AutoCloseable {

    private final Transport transport;

    private SmtpConnection(Transport transport) {
        this.transport = transport;
    }

    /** Connects with the host, port, protocol and credentials the mail sender is configured with. */
    static SmtpConnection open(JavaMailSenderImpl settings) throws MessagingException {
        String protocol = settings.getProtocol() == null || settings.getProtocol().isEmpty()
                ? settings.getSession().getProperty("mail.transport.protocol") : settings.getProtocol();
        Transport transport = settings.getSession().getTransport(protocol == null ? "smtp" : protocol);
        String username = settings.getUsername() == null || settings.getUsername().isEmpty() ? null : settings.getUsername();
        String password = username == null && "".equals(settings.getPassword()) ? null : settings.getPassword();
        transport.connect(settings.getHost(), settings.getPort(), username, password);
        return new SmtpConnection(transport);
    }

    /**
     * Hands one mail, put together ({@code saveChanges}), to the server; returns once the server has taken it.
     *
     * @throws jakarta.mail.SendFailedException when the server refused the recipient
     * @throws MessagingException when the connection broke
     * @throws IllegalStateException when the server had closed the connection (it may, after a refusal)
     */
    void send(MimeMessage message) throws MessagingException {
        transport.sendMessage(message, message.getAllRecipients());
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (MessagingException alreadyGone) {
            // the mails are sent or not; nothing to do about a failed QUIT
        }
    }
}
