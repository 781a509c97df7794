package org.bpogovernance.platform;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The documents people keep (signed minutes, the signed charter, a term's summary): an HTML page
 * from a Thymeleaf template in {@code documents/}, and the same page as PDF (openhtmltopdf). The
 * templates are well-formed XHTML, which the PDF renderer needs.
 */
@Component
public class Documents {

    /** A document: its title, the engagement it belongs to, facts at the top (parties, dates), then sections. */
    public record Page(String title, String engagement, List<Fact> facts, List<Section> sections, String footer) {
    }

    /** "Client: Acme". */
    public record Fact(String label, String value) {
    }

    /** A heading with a text, or with a table (its column names and rows; {@code empty} says what no row means). */
    public record Section(String heading, String text, List<String> columns, List<List<String>> rows, String empty) {

        public static Section text(String heading, String text) {
            return new Section(heading, text == null || text.isBlank() ? "—" : text, null, List.of(), null);
        }

        public static Section table(String heading, List<String> columns, List<List<String>> rows, String empty) {
            return new Section(heading, null, columns, rows, empty);
        }
    }

    /** Debian's DejaVu Sans where installed: it has every character people type; else the PDF's own Helvetica. */
    private static final File SANS = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final File SANS_BOLD = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

    private final TemplateEngine engine = new TemplateEngine();

    public Documents() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("documents/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        engine.setTemplateResolver(resolver);
    }

    /** The document as an HTML page. */
    public String html(Page page) {
        return engine.process("document", new Context(Locale.ENGLISH, Map.of("page", page)));
    }

    /** The same page as a PDF. */
    public byte[] pdf(String html) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            if (SANS.canRead() && SANS_BOLD.canRead()) {
                builder.useFont(SANS, "DejaVu Sans", 400, FontStyle.NORMAL, true);
                builder.useFont(SANS_BOLD, "DejaVu Sans", 700, FontStyle.NORMAL, true);
            }
            builder.withProducer("BPO Governance");
            builder.withHtmlContent(html, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException failed) {
            throw new UncheckedIOException("the PDF could not be rendered", failed);
        }
        return pdf.toByteArray();
    }

    /** The page to download as HTML: {@code <baseName>.html}. */
    public ResponseEntity<String> htmlDownload(Page page, String baseName) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(baseName + ".html"))
                .body(html(page));
    }

    /** The page to download as PDF: {@code <baseName>.pdf}. */
    public ResponseEntity<byte[]> pdfDownload(Page page, String baseName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(baseName + ".pdf"))
                .body(pdf(html(page)));
    }

    private static String disposition(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build().toString();
    }
}
