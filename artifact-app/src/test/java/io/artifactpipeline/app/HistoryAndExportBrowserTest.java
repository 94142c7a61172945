package io.artifactpipeline.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WEB.md items 7 and 8 in a real browser: a document's history (revisions, the diff of one against
 * another with inserted and deleted words marked, restore) and export downloads. These use API.md's
 * "History: diff and restore" and "Export" routes.
 */
@ExtendWith(SharedWorkspace.class)
class HistoryAndExportBrowserTest {
    private static final String EDITED_USER = "Owners of neighbourhood bakeries with one to three shops";
    private static Workspace workspace;
    private static Browser browser;

    @RegisterExtension
    final TestWatcher screenshotOnFailure = Browser.screenshotOnFailure(() -> browser);

    @BeforeAll
    static void start(Workspace shared) {
        workspace = shared;
        browser = shared.browser;
    }

    @Test
    void theHistoryShowsWhoChangedWhatMarksTheWordsAndRestoresAnOlderVersion() {
        String user = Workspace.newUser("rosalind");
        String projectId = workspace.generatedProject(user, "Bakery Forecast");
        JsonNode brief = workspace.artifact(user, projectId, "brief");
        String original = brief.get("current_content").get("target_user").asText();
        workspace.editThroughApi(user, brief.get("id").asText(), "target_user", EDITED_USER);
        workspace.openAs(user, "#/projects/" + projectId + "/brief");

        browser.click("history");
        browser.waitUntil(() -> browser.all("revision").size() == 2, "two revisions listed");
        assertThat(browser.all("revision")).extracting(r -> r.getAttribute("data-revision")).containsExactly("2", "1");
        assertThat(browser.all("revision").getFirst().getText()).contains("Edited by you").contains("Target User");
        assertThat(browser.all("revision").get(1).getText()).contains("Written by the model");

        WebElement diff = browser.find("diff");
        assertThat(diff.getText()).contains("Target User");
        browser.waitUntil(() -> browser.all("diff-insert").stream().anyMatch(w -> w.getText().contains("neighbourhood")),
                "the inserted words marked");
        assertThat(browser.all("diff-delete")).isNotEmpty();
        browser.screenshot("07-history-diff");

        browser.waitUntil(d -> {
            d.findElements(Browser.testId("revision")).get(1).click();
            return true;
        }, "revision 1 chosen");
        browser.waitUntil(() -> browser.all("revision").get(1).getAttribute("aria-pressed").equals("true"), "revision 1 selected");
        new Select(browser.driver.findElement(By.cssSelector(".compare-head select"))).selectByValue("2");
        browser.waitUntil(() -> browser.all("diff-delete").stream().anyMatch(w -> w.getText().contains("neighbourhood")),
                "compared the other way round, the edit shows as deleted");

        browser.click("restore");
        browser.waitUntil(() -> "2".equals(browser.find("version").getText()), "restored as version 2");
        assertThat(browser.find("section-target_user").getText()).contains(original).doesNotContain(EDITED_USER);
        JsonNode revisions = workspace.app.send("GET", "/api/artifacts/" + brief.get("id").asText() + "/revisions", user, null).body();
        assertThat(revisions.get(0).get("source").asText()).isEqualTo("restored");
    }

    @Test
    void exportLinksDownloadFilesWithTheRightNamesAndTypes() {
        String user = Workspace.newUser("barbara");
        String projectId = workspace.generatedProject(user, "Bakery Forecast");
        workspace.openAs(user, "#/projects/" + projectId + "/brief");
        browser.find("section-problem_statement");

        assertThat(download("export-markdown", "bakery-forecast-brief.md")).startsWith("# ").contains("Problem Statement");
        assertThat(download("export-markdown-technical", "bakery-forecast-brief.md")).startsWith("---")
                .contains("artifact_type: brief");
        assertThat(download("export-pdf", "bakery-forecast-brief.pdf")).startsWith("%PDF");

        browser.open(workspace.base() + "#/projects/" + projectId);
        browser.find("doc-brief");
        assertThat(download("export-project-markdown", "bakery-forecast-plan.md")).contains("Brief").contains("MVP Scope");
        assertThat(download("export-project-pdf", "bakery-forecast-plan.pdf")).startsWith("%PDF");
    }

    /** Clicks an export link and waits for the finished file of that name; returns its start as text. */
    private String download(String link, String fileName) {
        Path file = browser.downloads.resolve(fileName);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.click(link);
        browser.waitUntil(() -> Files.isRegularFile(file) && noPartialDownloads(), "downloaded " + fileName);
        try {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(bytes).isNotEmpty();
            return new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean noPartialDownloads() {
        try (var files = Files.list(browser.downloads)) {
            List<Path> partial = files.filter(p -> p.getFileName().toString().endsWith(".crdownload")).toList();
            return partial.isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
