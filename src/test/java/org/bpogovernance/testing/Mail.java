package org.bpogovernance.testing;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;

/** Reads what GreenMail received: recipients, text and HTML parts, calendar attachments. */
public final class Mail {

    private Mail() {
    }

    public static List<MimeMessage> to(MimeMessage[] received, String email) {
        return Arrays.stream(received).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(email));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of every part of the given content type (text/plain, text/html, text/calendar). */
    public static List<String> parts(MimeMessage message, String contentType) {
        List<String> found = new ArrayList<>();
        try {
            collect(message, contentType, found);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** The attachments of a mail with a file name (not its calendar), by file name. */
    public static java.util.Map<String, byte[]> attachments(MimeMessage message) {
        java.util.Map<String, byte[]> found = new java.util.LinkedHashMap<>();
        try {
            collectFiles(message, found);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static void collectFiles(Part part, java.util.Map<String, byte[]> found) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collectFiles(multipart.getBodyPart(i), found);
            }
        } else if (part.getFileName() != null && !part.isMimeType("text/calendar")) {
            try (InputStream in = part.getInputStream()) {
                found.put(part.getFileName(), in.readAllBytes());
            }
        }
    }

    public static Calendar calendar(MimeMessage message) {
        List<String> calendars = parts(message, "text/calendar");
        if (calendars.size() != 1) {
            throw new AssertionError("expected one calendar part, found " + calendars.size());
        }
        return parse(calendars.get(0));
    }

    public static Calendar parse(String ics) {
        try {
            return new CalendarBuilder().build(new StringReader(ics));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Part part, String contentType, List<String> found) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, contentType, found);
            }
        } else if (part.isMimeType(contentType)) {
            found.add(read(part));
        }
    }

    private static String read(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        try (InputStream in = (InputStream) content) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
