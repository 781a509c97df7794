package org.bpogovernance.notification;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bpogovernance.engagement.EngagementService;
import org.bpogovernance.platform.NotFoundException;
import org.bpogovernance.platform.PeopleDates;
import org.bpogovernance.security.GovernanceGroups;
import org.bpogovernance.security.UserDirectory;
import org.springframework.context.annotation.Conditional;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The demo's mailbox, for governance officers and the administrator: every mail the service sent
 * (the outbox, newest first) at {@code /mailbox}, each with its HTML, its text, its calendar file
 * and the document it carries; the same list as JSON at {@code /api/mailbox}. Only with the demo's
 * own mail server ({@link DemoMailbox}); elsewhere these addresses do not exist.
 */
@RestController
@Conditional(DemoMailbox.On.class)
@PreAuthorize(GovernanceGroups.OFFICERS_ONLY)
class DemoMailboxController {

    /** One mail as the mailbox lists it; the links open its parts. */
    record Line(Long id, String at, String to, String subject, String kind, String status, String html, String text,
            String calendar, String attachment, String attachmentName) {
    }

    static final int PAGE_SIZE = 100;
    /** The mail's own HTML may style itself; it runs nothing, loads nothing and is framed by no one. */
    static final String MAIL_CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; sandbox";

    private final OutboxRepository outbox;
    private final UserDirectory users;
    private final EngagementService engagements;
    private final TemplateEngine pages = new TemplateEngine();

    DemoMailboxController(OutboxRepository outbox, UserDirectory users, EngagementService engagements) {
        this.outbox = outbox;
        this.users = users;
        this.engagements = engagements;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("pages/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        pages.setTemplateResolver(resolver);
    }

    @GetMapping(value = "/api/mailbox", produces = MediaType.APPLICATION_JSON_VALUE)
    @Transactional(readOnly = true)
    List<Line> list(@RequestParam(defaultValue = "0") int page) {
        Map<Long, ZoneId> zones = new HashMap<>();
        return outbox.findAllByOrderByIdDesc(PageRequest.of(Math.max(page, 0), PAGE_SIZE)).stream()
                .map(entry -> line(entry, zones)).toList();
    }

    @GetMapping(value = "/mailbox", produces = MediaType.TEXT_HTML_VALUE)
    @Transactional(readOnly = true)
    ResponseEntity<String> page(@RequestParam(defaultValue = "0") int page) {
        List<Line> lines = list(page);
        String html = pages.process("mailbox", new Context(Locale.ENGLISH, Map.of("lines", lines, "page", Math.max(page, 0),
                "more", lines.size() == PAGE_SIZE)));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
                .body(html);
    }

    @GetMapping("/mailbox/{id}/html")
    @Transactional(readOnly = true)
    ResponseEntity<String> html(@PathVariable Long id) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", MAIL_CONTENT_SECURITY_POLICY).body(entry(id).getHtmlBody());
    }

    @GetMapping("/mailbox/{id}/text")
    @Transactional(readOnly = true)
    ResponseEntity<String> text(@PathVariable Long id) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(entry(id).getTextBody());
    }

    @GetMapping("/mailbox/{id}/invite.ics")
    @Transactional(readOnly = true)
    ResponseEntity<String> calendar(@PathVariable Long id) {
        OutboxEntry entry = entry(id);
        if (entry.getCalendar() == null) {
            throw new NotFoundException("calendar file of mail", id);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("invite.ics").build().toString())
                .body(entry.getCalendar());
    }

    @GetMapping("/mailbox/{id}/attachment")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> attachment(@PathVariable Long id) {
        Attachment attachment = entry(id).attachment();
        if (attachment == null) {
            throw new NotFoundException("document of mail", id);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(attachment.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(attachment.fileName())
                        .build().toString())
                .body(attachment.content());
    }

    private OutboxEntry entry(Long id) {
        return outbox.findById(id).orElseThrow(() -> new NotFoundException("mail", id));
    }

    private Line line(OutboxEntry entry, Map<Long, ZoneId> zones) {
        ZoneId zone = entry.getEngagementId() == null ? ZoneOffset.UTC : zones.computeIfAbsent(entry.getEngagementId(),
                id -> engagements.forProcess(id).zone());
        String name = entry.getRecipientUserId() == null ? "" : users.find(entry.getRecipientUserId())
                .map(UserDirectory.Person::displayName).orElse(entry.getRecipientUserId());
        String to = entry.getRecipientEmail() == null ? name + " (no address)" : name + " <" + entry.getRecipientEmail() + ">";
        String base = "/mailbox/" + entry.getId();
        return new Line(entry.getId(), PeopleDates.dayAndTime(entry.getSentAt() != null ? entry.getSentAt()
                : entry.getCreatedAt(), zone), to, entry.getSubject(), entry.getKind(), status(entry.getStatus()),
                base + "/html", base + "/text", entry.getCalendar() == null ? null : base + "/invite.ics",
                entry.getAttachmentName() == null ? null : base + "/attachment", entry.getAttachmentName());
    }

    private static String status(OutboxEntry.Status status) {
        return switch (status) {
            case PENDING, SENDING -> "waiting to be sent";
            case SENT -> "sent";
            case FAILED -> "failed";
            case UNDELIVERABLE -> "no address";
        };
    }
}
