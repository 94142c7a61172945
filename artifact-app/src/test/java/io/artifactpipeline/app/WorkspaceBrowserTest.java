package io.artifactpipeline.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static io.artifactpipeline.app.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * WEB.md items 1-6 in a real browser, as a founder would walk them: sign in, projects, watching the
 * documents appear, reading, editing and notes, regenerating. (History and export: {@link HistoryAndExportBrowserTest}.)
 */
@ExtendWith(SharedWorkspace.class)
class WorkspaceBrowserTest {
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
    void aFounderSignsInAsAUserAndSeesTheirProjectsNewestFirst() {
        String user = Workspace.newUser("ada");
        workspace.createProject(user, "Meal plans for night-shift nurses", "Weekly meal plans that fit night shifts");
        workspace.createProject(user, "Bakery forecast", "Forecast bread demand for small bakeries");
        browser.reset(workspace.base());
        browser.open(workspace.base());

        browser.find("signin-submit");
        browser.screenshot("01-sign-in");
        browser.type("signin-user", user);
        new Select(browser.find("signin-tier")).selectByValue("partner");
        browser.click("signin-submit");

        browser.waitUntil(() -> browser.all("project-link").size() == 2, "both projects listed");
        assertThat(browser.all("project-link")).extracting(WebElement::getText)
                .satisfiesExactly(first -> assertThat(first).contains("Bakery forecast"),
                        second -> assertThat(second).contains("Meal plans for night-shift nurses"));
        assertThat(browser.driver.findElement(By.id("account")).getText()).contains(user).contains("Partner");
        assertThat(browser.script("return window.sessionStorage.length")).isEqualTo(1L);
        browser.screenshot("02-projects");
    }

    @Test
    void anInvalidTokenSendsTheFounderBackToSignInWithAMessage() {
        browser.reset(workspace.base());
        browser.signInWithToken(workspace.base(), workspace.app.token(Workspace.newUser("eve")) + "tampered");

        WebElement message = browser.find("error");
        assertThat(message.getText()).contains("sign in again");
        browser.find("signin-user");
        assertThat(browser.script("return window.sessionStorage.length")).isEqualTo(0L);
    }

    @Test
    void aNewProjectsDocumentsAppearLiveWithASpinnerThenWritten() {
        String user = Workspace.newUser("grace");
        workspace.openAs(user, "#/");
        browser.type("project-idea", "Forecast bread demand for small bakeries, so they bake what sells");
        browser.all("project-question").getFirst().sendKeys("Who pays?");
        browser.all("project-answer").getFirst().sendKeys("Bakery owners, per shop and month");
        browser.click("project-add-answer");
        browser.waitUntil(() -> browser.all("project-question").size() == 2, "a second question");
        browser.all("project-question").get(1).sendKeys("What do they use today?");
        browser.all("project-answer").get(1).sendKeys("Gut feeling and yesterday's leftovers");
        browser.click("project-create");

        browser.find("generate");
        String projectId = browser.driver.getCurrentUrl().replaceAll(".*#/projects/", "");
        JsonNode project = workspace.app.send("GET", "/api/projects/" + projectId, user, null).body();
        assertThat(project.get("answers").size()).isEqualTo(2);
        assertThat(project.get("answers").get("What do they use today?").asText()).isEqualTo("Gut feeling and yesterday's leftovers");
        assertThat(browser.find("doc-brief").getAttribute("data-status")).isEqualTo("not_written");

        browser.click("generate");
        browser.waitUntil(d -> d.findElements(By.cssSelector("[data-status=\"generating\"]")).stream()
                .anyMatch(card -> card.findElement(By.cssSelector(".spinner")).isDisplayed()
                        && card.getText().contains("Writing")), "a document shown as generating, with a spinner");
        browser.screenshot("03-project-generating");

        for (String type : List.of("brief", "mvp_scope", "milestones", "risk_log", "how_it_works")) {
            browser.waitUntil(() -> "idle".equals(browser.find("doc-" + type).getAttribute("data-status")), type + " written");
            assertThat(browser.attribute("doc-" + type, "data-stale")).isEqualTo("false");
        }
        assertThat(browser.find("doc-mvp_scope").getText()).contains("MVP Scope").contains("Written");
        browser.click("open-brief");
        assertThat(browser.find("section-problem_statement").getText()).startsWith("Problem Statement");
    }

    @Test
    void aDocumentReadsAsADocumentWithTitlesListsAndTables() {
        String user = Workspace.newUser("hedy");
        String projectId = workspace.openWrittenDocument(user, "brief");

        WebElement problem = browser.find("section-problem_statement");
        assertThat(problem.findElement(By.tagName("h2")).getText()).isEqualTo("Problem Statement");
        assertThat(problem.findElements(By.cssSelector("p.prose"))).isNotEmpty();
        assertThat(browser.find("section-differentiation_points").findElements(By.cssSelector("ul li"))).isNotEmpty();
        assertThat(browser.find("version").getText()).isEqualTo("1");
        assertThat(browser.driver.getPageSource()).doesNotContain("\"problem_statement\"");
        browser.screenshot("04-document");

        browser.open(workspace.base() + "#/projects/" + projectId + "/mvp_scope");
        WebElement features = browser.find("section-core_features");
        assertThat(features.findElement(By.tagName("h2")).getText()).isEqualTo("Core Features");
        assertThat(features.findElements(By.cssSelector("table th"))).extracting(WebElement::getText)
                .contains("NAME", "DESCRIPTION", "PRIORITY");
        assertThat(browser.find("section-core_features").findElements(By.cssSelector("tbody tr")))
                .hasSize(workspace.artifact(user, projectId, "mvp_scope").get("current_content").get("core_features").size());
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("MVP Scope");
    }

    @Test
    void aSectionIsEditedInPlaceAndAnInvalidValueIsExplainedBesideTheField() {
        String user = Workspace.newUser("ida");
        String projectId = workspace.openWrittenDocument(user, "brief");

        browser.click("edit-target_user");
        browser.type("edit-input-target_user", "Owners of neighbourhood bakeries with one to three shops");
        browser.click("save-target_user");
        browser.waitUntil(() -> browser.find("section-target_user").getText()
                .contains("Owners of neighbourhood bakeries with one to three shops"), "the edit shown");
        assertThat(browser.find("section-target_user").getText()).contains("Edited by you");
        assertThat(workspace.artifact(user, projectId, "brief").get("current_content").get("target_user").asText())
                .isEqualTo("Owners of neighbourhood bakeries with one to three shops");

        String before = workspace.artifact(user, projectId, "brief").get("current_content").get("key_constraint").asText();
        browser.click("edit-key_constraint");
        browser.type("edit-input-key_constraint", "   ");
        browser.click("save-key_constraint");
        WebElement section = browser.find("section-key_constraint");
        WebElement besideTheField = browser.waitUntil(d -> section.findElements(By.cssSelector(".field .field-error"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null), "the 422 beside the field");
        assertThat(besideTheField.getText()).containsIgnoringCase("must not");
        assertThat(besideTheField.getAttribute("data-testid")).isEqualTo("error");
        assertThat(browser.find("edit-input-key_constraint").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(workspace.artifact(user, projectId, "brief").get("current_content").get("key_constraint").asText())
                .isEqualTo(before);
    }

    @Test
    void aSaveFromAStalePageIsRefusedAndTheFounderCanReload() {
        String user = Workspace.newUser("joan");
        String projectId = workspace.generatedProject(user, "Bakery forecast");
        String briefId = workspace.artifact(user, projectId, "brief").get("id").asText();
        workspace.openAs(user, "#/projects/" + projectId + "/brief");

        browser.click("edit-value_proposition");
        workspace.editThroughApi(user, briefId, "value_proposition", "Changed in another tab");
        browser.type("edit-input-value_proposition", "My own change, made on a stale page");
        browser.click("save-value_proposition");

        WebElement error = browser.waitUntil(d -> browser.find("section-value_proposition")
                .findElements(testId("error")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null), "412 shown");
        assertThat(error.getText()).contains("changed since you started editing").contains("Reload");
        assertThat(workspace.artifact(user, projectId, "brief").get("current_content").get("value_proposition").asText())
                .isEqualTo("Changed in another tab");
        error.findElement(By.tagName("button")).click();
        browser.waitUntil(() -> browser.find("section-value_proposition").getText().contains("Changed in another tab"),
                "the latest version after reload");
    }

    @Test
    void aChangeMadeInAnotherSessionAppearsWithoutAReload() {
        String user = Workspace.newUser("katherine");
        String projectId = workspace.generatedProject(user, "Bakery forecast");
        String briefId = workspace.artifact(user, projectId, "brief").get("id").asText();
        workspace.openAs(user, "#/projects/" + projectId + "/brief");
        browser.find("section-key_constraint");
        browser.script("window.stillTheSamePage = true");

        workspace.editThroughApi(user, briefId, "key_constraint", "Bakers decide by 4 a.m., so forecasts must be ready the evening before");
        browser.waitUntil(() -> browser.find("section-key_constraint").getText().contains("ready the evening before"),
                "the other session's edit shown live");
        assertThat(browser.script("return window.stillTheSamePage")).isEqualTo(true);

        workspace.app.send("POST", "/api/artifacts/" + briefId + "/annotate", user,
                "{\"section_id\":\"key_constraint\",\"note\":\"Ask three bakers when they decide\"}");
        browser.waitUntil(() -> browser.find("section-key_constraint").findElements(testId("note")).stream()
                .anyMatch(n -> n.getText().contains("Ask three bakers")), "the other session's note shown live");
        assertThat(browser.script("return window.stillTheSamePage")).isEqualTo(true);
    }

    @Test
    void notesAreAddedToASectionAndShownBesideIt() {
        String user = Workspace.newUser("lise");
        String projectId = workspace.openWrittenDocument(user, "brief");

        browser.click("annotate-problem_statement");
        browser.type("note-input", "Check this with the two bakeries in Leith");
        browser.click("note-save");

        browser.waitUntil(() -> browser.find("section-problem_statement").findElements(testId("note")).stream()
                .anyMatch(n -> n.getText().contains("Check this with the two bakeries in Leith")), "the note beside its section");
        JsonNode annotations = workspace.artifact(user, projectId, "brief").get("annotations");
        assertThat(annotations).hasSize(1);
        assertThat(annotations.get(0).get("section_id").asText()).isEqualTo("problem_statement");
    }

    @Test
    void regeneratingAfterAnEditWarnsFirstCancelChangesNothingAndRegenerateAnywayBringsVersionTwo() {
        String user = Workspace.newUser("mary");
        String projectId = workspace.openWrittenDocument(user, "brief");
        browser.click("edit-target_user");
        browser.type("edit-input-target_user", "Owners of neighbourhood bakeries");
        browser.click("save-target_user");
        browser.waitUntil(() -> browser.find("section-target_user").getText().contains("Edited by you"), "edit saved");

        browser.click("regenerate");
        browser.type("regenerate-instructions", "Shorter, and for bakery owners");
        browser.click("regenerate-submit");
        WebElement dialog = browser.find("regenerate-warning");
        assertThat(dialog.getText()).contains("You've edited 1 section. Regenerate will overwrite it.").contains("Target User");
        browser.screenshot("05-regenerate-warning");

        browser.click("regenerate-cancel");
        browser.waitUntil(() -> !browser.isShown("regenerate-warning"), "dialog closed");
        JsonNode unchanged = workspace.artifact(user, projectId, "brief");
        assertThat(unchanged.get("version_number").asInt()).isEqualTo(1);
        assertThat(unchanged.get("current_content").get("target_user").asText()).isEqualTo("Owners of neighbourhood bakeries");
        assertThat(browser.find("version").getText()).isEqualTo("1");
        assertThat(browser.find("section-target_user").getText()).contains("Owners of neighbourhood bakeries");

        browser.click("regenerate-submit");
        browser.click("regenerate-force");
        browser.waitUntil(() -> "2".equals(browser.find("version").getText()), "version 2 shown");
        browser.waitUntil(() -> !browser.find("section-target_user").getText().contains("Edited by you"), "edits cleared");
        JsonNode regenerated = workspace.artifact(user, projectId, "brief");
        assertThat(regenerated.get("version_number").asInt()).isEqualTo(2);
        assertThat(regenerated.get("has_user_edits").asBoolean()).isFalse();
        assertThat(browser.find("section-target_user").getText())
                .contains(regenerated.get("current_content").get("target_user").asText());
    }

    @Test
    void htmlInADocumentIsShownAsTextAndNeverRun() {
        String user = Workspace.newUser("nora");
        String projectId = workspace.generatedProject(user, "<b>Bold</b> bakery");
        String briefId = workspace.artifact(user, projectId, "brief").get("id").asText();
        String hostile = "<script>window.injected = 'script'</script> and <img src=x onerror=\"window.injected = 'img'\">";
        workspace.editThroughApi(user, briefId, "problem_statement", hostile);
        workspace.openAs(user, "#/projects/" + projectId + "/brief");

        WebElement section = browser.find("section-problem_statement");
        browser.waitUntil(() -> section.getText().contains(hostile), "the markup shown as text");
        assertThat(section.findElements(By.tagName("img"))).isEmpty();
        assertThat(section.findElements(By.tagName("script"))).isEmpty();
        browser.open(workspace.base() + "#/projects/" + projectId);
        browser.waitUntil(() -> browser.driver.findElement(By.tagName("h1")).getText().equals("<b>Bold</b> bakery"),
                "the project name shown as text");
        assertThat(browser.script("return window.injected === undefined")).isEqualTo(true);
    }

    @Test
    void theWorkspaceFitsAPhoneScreen() {
        String user = Workspace.newUser("olive");
        String projectId = workspace.generatedProject(user, "Bakery forecast");
        try {
            browser.resize(Browser.PHONE);
            for (String page : List.of("#/", "#/projects/" + projectId, "#/projects/" + projectId + "/risk_log")) {
                workspace.openAs(user, page);
                browser.find(page.endsWith("risk_log") ? "section-technical_risks" : page.equals("#/") ? "project-link" : "doc-brief");
                assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                        .as("no sideways scrolling on " + page).isEqualTo(true);
            }
            browser.screenshot("06-document-375px");
            WebElement edit = browser.find("edit-technical_risks");
            edit.sendKeys(Keys.ENTER);
            assertThat(browser.driver.switchTo().activeElement().getTagName()).isIn("textarea", "select", "input");
        } finally {
            browser.resize(Browser.DESKTOP);
        }
    }
}
