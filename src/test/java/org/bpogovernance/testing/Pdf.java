package org.bpogovernance.testing;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A PDF as a reader sees it: its text, extracted with PDFBox (which fails on a PDF that does not
 * parse), with every run of white space as one space (a table cell may wrap a name over two lines).
 */
public final class Pdf {

    private Pdf() {
    }

    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new AssertionError("not a PDF that parses: " + e.getMessage(), e);
        }
    }
}
