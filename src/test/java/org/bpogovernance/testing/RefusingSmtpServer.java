package org.bpogovernance.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server on loopback that refuses one mailbox with {@code 550 5.1.1} at RCPT TO
 * and accepts everything else. GreenMail accepts every recipient, so this covers the one case
 * it cannot: a server that refuses an address.
 */
public final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String refused;
    private final List<String> acceptedRecipients = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public RefusingSmtpServer(String refusedAddress) throws IOException {
        this.refused = refusedAddress.toLowerCase();
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptAll, "refusing-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Recipients of messages whose DATA was accepted. */
    public List<String> delivered() {
        return acceptedRecipients;
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException closed) {
                // socket closed, or the client hung up
            }
        }
    }

    private void converse(Socket client) throws IOException {
        client.setSoTimeout(5000);
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
        reply(out, "220 refusing.test ESMTP");
        List<String> recipients = new java.util.ArrayList<>();
        for (String line; (line = in.readLine()) != null; ) {
            String command = line.toUpperCase();
            if (command.startsWith("EHLO")) {
                reply(out, "250-refusing.test\r\n250 8BITMIME");
            } else if (command.startsWith("HELO") || command.startsWith("MAIL FROM") || command.startsWith("NOOP")) {
                reply(out, "250 OK");
            } else if (command.startsWith("RSET")) {
                recipients.clear();
                reply(out, "250 OK");
            } else if (command.startsWith("RCPT TO")) {
                String address = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase();
                if (address.equals(refused)) {
                    reply(out, "550 5.1.1 <" + address + ">: Recipient address rejected: user unknown");
                } else {
                    recipients.add(address);
                    reply(out, "250 OK");
                }
            } else if (command.equals("DATA")) {
                reply(out, "354 End data with <CR><LF>.<CR><LF>");
                for (String data; (data = in.readLine()) != null && !data.equals("."); ) {
                    // the message itself is not kept
                }
                acceptedRecipients.addAll(recipients);
                recipients.clear();
                reply(out, "250 OK queued");
            } else if (command.startsWith("QUIT")) {
                reply(out, "221 Bye");
                return;
            } else {
                reply(out, "502 Command not implemented");
            }
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
