package io.artifactpipeline.http.export;

import io.artifactpipeline.core.export.Block;
import io.artifactpipeline.core.export.Document;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class XhtmlDocumentTest {
    private static final String NASTY = "<script>alert(1)</script> & &amp; \"q\" 'a' ]]> \u0000\u0001\u0008 \uFFFE \uD800 é Ω Ж 😀";

    @Test
    void anyTextComesOutAsWellFormedXmlHoldingThatTextAndNoMarkupOfItsOwn() throws Exception {
        Document document = new Document(NASTY, true, List.of(
                new Block.TitleBlock(NASTY, NASTY, Instant.parse("2026-12-01T00:00:00Z")),
                new Block.Heading(2, NASTY, "brief.problem_statement"),
                new Block.Paragraph(NASTY),
                new Block.BulletList(List.of(NASTY)),
                new Block.Table(List.of(NASTY), List.of(List.of(NASTY))),
                new Block.TableOfContents(List.of(new Block.TableOfContents.Entry(NASTY, "brief", true))),
                new Block.AnnotationList(List.of(new Block.AnnotationList.Note(NASTY, NASTY, Instant.EPOCH)))));

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document xml = factory.newDocumentBuilder()
                .parse(new InputSource(new StringReader(XhtmlDocument.of(document))));

        assertThat(xml.getElementsByTagNameNS("*", "script").getLength()).isZero();
        // NUL, other control characters, U+FFFE and the lone surrogate cannot be in XML: they are left out.
        String expected = "<script>alert(1)</script> & &amp; \"q\" 'a' ]]>    é Ω Ж 😀";
        NodeList paragraphs = xml.getElementsByTagNameNS("*", "p");
        boolean found = false;
        for (int i = 0; i < paragraphs.getLength(); i++) {
            found |= ((Element) paragraphs.item(i)).getTextContent().equals(expected);
        }
        assertThat(found).as("a paragraph holding the text as written").isTrue();
    }
}
