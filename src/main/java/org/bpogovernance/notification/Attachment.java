package org.bpogovernance.notification;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A document a mail carries, such as signed minutes as PDF: its file name, content type and bytes. */
public record Attachment(String fileName, String contentType, byte[] content) {

    private static final Logger log = LoggerFactory.getLogger(Attachment.class);

    /**
     * {@code <baseName>.pdf}, rendered now; null where it cannot be rendered: the mail still goes
     * out with its link to the document, and the step that sends it does not fail for want of a PDF.
     */
    public static Attachment pdf(String baseName, Supplier<byte[]> render) {
        try {
            return new Attachment(baseName + ".pdf", "application/pdf", render.get());
        } catch (RuntimeException failed) {
            log.error("{}.pdf could not be rendered; the mail goes without it", baseName, failed);
            return null;
        }
    }
}
