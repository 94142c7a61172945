package io.artifactpipeline.http.export;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import io.artifactpipeline.core.export.Document;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;

/**
 * A {@link Document} as a PDF (openhtmltopdf on a small XHTML page): real, selectable text; a title
 * block; the project export's table of contents with page numbers; page numbers in the footer; and
 * DejaVu Sans embedded (subset), so Latin, Greek and Cyrillic text shows the same everywhere. The
 * fonts ship in this jar; nothing is read from the machine or the network.
 */
public final class PdfRenderer {
    static final String FONT_FAMILY = "DejaVu Sans";
    private static final byte[] REGULAR = fontFile("DejaVuSans.ttf");
    private static final byte[] BOLD = fontFile("DejaVuSans-Bold.ttf");

    static {
        // openhtmltopdf reports timings and font loading at INFO on every document; keep warnings only.
        for (String logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, Level.WARNING);
        }
    }

    private PdfRenderer() {
    }

    /** The PDF's bytes ({@code application/pdf}). */
    public static byte[] render(Document document) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        try (PDDocument target = new PDDocument()) {
            new PdfRendererBuilder()
                    .usePDDocument(target)
                    .withHtmlContent(XhtmlDocument.of(document), null)
                    .useFont(new PDFontSupplier(font(target, REGULAR)), FONT_FAMILY, 400, FontStyle.NORMAL, true)
                    .useFont(new PDFontSupplier(font(target, BOLD)), FONT_FAMILY, 700, FontStyle.NORMAL, true)
                    // The page refers to nothing outside itself; refuse anything that would be fetched.
                    .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                    .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                    .withProducer("Artifact Pipeline")
                    .toStream(pdf)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be written", e);
        }
        return pdf.toByteArray();
    }

    /**
     * The font, embedded as a subset of the glyphs used. Glyph substitution (GSUB) is off: Latin, Greek
     * and Cyrillic need no shaping, and PDFBox's substitution pass over every string was a quarter of
     * the rendering time (BENCHMARKS.md).
     */
    private static PDFont font(PDDocument target, byte[] file) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file));
        font.setEnableGsub(false);
        return PDType0Font.load(target, font, true);
    }

    private static byte[] fontFile(String file) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream("fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font " + file + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
