package io.artifactpipeline.http.export;

import io.artifactpipeline.core.model.ArtifactType;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDispositionTest {
    /** RFC 6266 with RFC 8187: a quoted ASCII filename, then filename* as charset''percent-encoded value. */
    private static final Pattern HEADER = Pattern.compile(
            "attachment; filename=\"([\\x20-\\x7E&&[^\"\\\\]]+)\"; filename\\*=UTF-8''([A-Za-z0-9!#$&+\\-.^_`|~%]+)");

    @Test
    void aPlainNameGivesTheSameNameTwice() {
        assertThat(ContentDisposition.forArtifact("Bakery Forecast", ArtifactType.BRIEF, ExportFormat.PDF))
                .isEqualTo("attachment; filename=\"bakery-forecast-brief.pdf\"; filename*=UTF-8''bakery-forecast-brief.pdf");
        assertThat(ContentDisposition.forProject("Bakery Forecast", ExportFormat.MARKDOWN))
                .isEqualTo("attachment; filename=\"bakery-forecast-plan.md\"; filename*=UTF-8''bakery-forecast-plan.md");
        assertThat(ContentDisposition.forArtifact("Bakery Forecast", ArtifactType.MVP_SCOPE, ExportFormat.MARKDOWN))
                .isEqualTo("attachment; filename=\"bakery-forecast-mvp-scope.md\"; filename*=UTF-8''bakery-forecast-mvp-scope.md");
    }

    @Test
    void aNonAsciiNameIsTransliteratedInFilenameAndKeptInFilenameStar() {
        String header = ContentDisposition.forArtifact("Café Brot — Ωmega", ArtifactType.HOW_IT_WORKS, ExportFormat.PDF);

        assertThat(header).isEqualTo("attachment; filename=\"cafe-brot-mega-how-it-works.pdf\"; "
                + "filename*=UTF-8''caf%C3%A9-brot-%CF%89mega-how-it-works.pdf");
        Matcher parts = HEADER.matcher(header);
        assertThat(parts.matches()).isTrue();
        assertThat(URLDecoder.decode(parts.group(2), StandardCharsets.UTF_8)).isEqualTo("café-brot-ωmega-how-it-works.pdf");
    }

    @Test
    void aNameWithNothingAsciiFallsBackToProjectInFilename() {
        String header = ContentDisposition.forProject("Хлеб и соль", ExportFormat.PDF);

        Matcher parts = HEADER.matcher(header);
        assertThat(parts.matches()).as(header).isTrue();
        assertThat(parts.group(1)).isEqualTo("project-plan.pdf");
        assertThat(URLDecoder.decode(parts.group(2), StandardCharsets.UTF_8)).isEqualTo("хлеб-и-соль-plan.pdf");
    }

    @Test
    void quotesSlashesControlCharactersAndHeaderBreaksNeverReachTheHeader() {
        String header = ContentDisposition.forArtifact("\"../../etc/passwd\"\r\nX-Evil: 1; ß æ ø", ArtifactType.RISK_LOG,
                ExportFormat.MARKDOWN);

        Matcher parts = HEADER.matcher(header);
        assertThat(parts.matches()).as(header).isTrue();
        assertThat(parts.group(1)).isEqualTo("etc-passwd-x-evil-1-ss-ae-o-risk-log.md");
        assertThat(header).doesNotContain("\r", "\n", "/", "..");
    }

    @Test
    void longNamesAreCutAtSixtyCharactersBeforeTheSuffix() {
        String header = ContentDisposition.forProject("word ".repeat(40), ExportFormat.PDF);

        Matcher parts = HEADER.matcher(header);
        assertThat(parts.matches()).isTrue();
        assertThat(parts.group(1)).endsWith("-plan.pdf").doesNotContain("--");
        assertThat(parts.group(1).length()).isLessThanOrEqualTo(60 + "-plan.pdf".length());
    }
}
