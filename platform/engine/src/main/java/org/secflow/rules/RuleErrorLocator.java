package org.secflow.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.secflow.rules.scenario.ScenarioCsv;

/**
 * Turns a Drools build message into the place an analyst must edit. For a {@code .drl}: a parse error Drools reports
 * at the start of the line after an unclosed {@code (} (it only notices at the next token) points at the line that
 * opened it. For a decision table: Drools' line is one of the DRL it generated, so the row and cell are found from
 * the message instead ({@code cell B5}, or the rule name of a row, {@code Rule name='...'}).
 */
final class RuleErrorLocator {
    private static final Pattern CELL = Pattern.compile("(?i)\\bcell\\s+([A-Z]{1,3})(\\d+)\\b");
    private static final Pattern RULE_NAME = Pattern.compile("(?:Rule name='([^']+)'|rule \"([^\"]+)\"|rule '([^']+)')");

    private RuleErrorLocator() {
    }

    static RuleError locate(String file, byte[] content, int line, int column, String message) {
        if (RuleLoader.isDecisionTable(file)) {
            return inDecisionTable(file, content, message);
        }
        if (content != null && line > 0 && column <= 0) {
            int opened = unclosedParenthesisBefore(new String(content, StandardCharsets.UTF_8), line);
            if (opened > 0 && opened < line) {
                return new RuleError(file, opened, message + " (the '(' opened on line " + opened + " is not closed)");
            }
        }
        return new RuleError(file, line, message);
    }

    private static RuleError inDecisionTable(String file, byte[] content, String message) {
        Matcher cell = CELL.matcher(message);
        if (cell.find()) {
            return new RuleError(file, Integer.parseInt(cell.group(2)), message, cell.group(1).toUpperCase(Locale.ROOT) + cell.group(2));
        }
        Matcher rule = RULE_NAME.matcher(message);
        if (content != null && file.toLowerCase(Locale.ROOT).endsWith(".csv") && rule.find()) {
            String name = rule.group(1) != null ? rule.group(1) : rule.group(2) != null ? rule.group(2) : rule.group(3);
            String[] rows = new String(content, StandardCharsets.UTF_8).split("\r?\n", -1);
            for (int r = 0; r < rows.length; r++) {
                List<String> cells;
                try {
                    cells = ScenarioCsv.cells(rows[r]);
                } catch (IllegalArgumentException e) {
                    continue; // a row of a quoted cell spanning lines: not the rule's row
                }
                int nameAt = cells.indexOf(name);
                if (nameAt < 0) {
                    continue;
                }
                int at = nameAt;
                for (int c = 0; c < cells.size(); c++) {
                    String v = cells.get(c);
                    if (c != nameAt && v.length() > 1 && message.contains(v)) {
                        at = c;
                        break;
                    }
                }
                return new RuleError(file, r + 1, message, column(at) + (r + 1));
            }
        }
        return new RuleError(file, 0, message);
    }

    /** Line of the innermost {@code (} still open at the start of {@code line}, skipping strings and comments; 0 if none. */
    static int unclosedParenthesisBefore(String text, int line) {
        Deque<Integer> open = new ArrayDeque<>();
        int current = 1;
        for (int i = 0; i < text.length() && current < line; i++) {
            char ch = text.charAt(i);
            if (ch == '\n') {
                current++;
            } else if (ch == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (ch == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                int stop = end < 0 ? text.length() : end + 1;
                for (int j = i; j < stop; j++) {
                    if (text.charAt(j) == '\n') {
                        current++;
                    }
                }
                i = stop;
            } else if (ch == '"' || ch == '\'') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != ch && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                i = Math.min(j, text.length() - 1);
                if (i < text.length() && text.charAt(i) == '\n') {
                    current++;
                }
            } else if (ch == '(') {
                open.push(current);
            } else if (ch == ')' && !open.isEmpty()) {
                open.pop();
            }
        }
        return open.isEmpty() ? 0 : open.peek();
    }

    private static String column(int index) {
        StringBuilder s = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            s.insert(0, (char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return s.toString();
    }
}
