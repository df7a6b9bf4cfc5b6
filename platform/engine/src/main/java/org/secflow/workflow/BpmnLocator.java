package org.secflow.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Finds where in a {@code .bpmn} file a problem lies when Camunda's parser does not say: the XML parser's line and
 * column (and the innermost element left open, by id) for a file that is not well-formed; the line and column of
 * {@code id="..."} for an element Camunda names without a line.
 */
final class BpmnLocator {
    private static final int MAX_MESSAGE = 300;

    private BpmnLocator() {
    }

    /**
     * The well-formedness error of {@code xml}, or null when it is well-formed.
     *
     * @param file file name for the problem
     */
    static BpmnProblem notWellFormed(String file, byte[] xml) {
        Deque<String> open = new ArrayDeque<>();
        DefaultHandler handler = new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes atts) {
                String id = atts.getValue("id");
                open.push(id == null ? "" : id);
            }

            @Override
            public void endElement(String uri, String localName, String qName) {
                open.pop();
            }
        };
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.newSAXParser().parse(new ByteArrayInputStream(xml), handler);
            return null;
        } catch (SAXParseException e) {
            String element = open.stream().filter(id -> !id.isEmpty()).findFirst().orElse(null);
            return new BpmnProblem(file, "not well-formed XML: " + bounded(e.getMessage()), element,
                    e.getLineNumber() > 0 ? e.getLineNumber() : null, e.getColumnNumber() > 0 ? e.getColumnNumber() : null);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            return new BpmnProblem(file, "not readable as XML: " + bounded(e.getMessage()), null, null, null);
        }
    }

    /** Line and column (1-based) of {@code id="elementId"} in {@code xml}, or null when not found. */
    static int[] lineAndColumnOf(byte[] xml, String elementId) {
        if (elementId == null || elementId.isEmpty()) {
            return null;
        }
        String text = new String(xml, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\\bid\\s*=\\s*([\"'])" + Pattern.quote(elementId) + "\\1").matcher(text);
        if (!m.find()) {
            return null;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < m.start(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, m.start() - lineStart + 1};
    }

    private static String bounded(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "...";
    }
}
