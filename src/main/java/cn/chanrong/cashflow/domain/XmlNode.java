package cn.chanrong.cashflow.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal element tree of one camt Document. We build it ourselves from StAX events rather than
 * use DOM so that the hardened reader (no DTD, no entities, size and depth caps) is the only thing
 * that ever sees the raw bytes. Elements are addressed by local name; the namespace was checked once
 * on the Document.
 */
final class XmlNode {

    final String name;
    final int line;
    private final Map<String, String> attributes = new HashMap<>();
    private final StringBuilder text = new StringBuilder();
    private final List<XmlNode> children = new ArrayList<>();

    XmlNode(String name, int line) {
        this.name = name;
        this.line = line;
    }

    void attribute(String localName, String value) {
        attributes.put(localName, value);
    }

    void appendText(String s) {
        text.append(s);
    }

    void add(XmlNode child) {
        children.add(child);
    }

    String attribute(String localName) {
        return attributes.get(localName);
    }

    /** Own text, stripped; null when empty, so "absent" and "blank" read the same. */
    String text() {
        String t = text.toString().strip();
        return t.isEmpty() ? null : t;
    }

    List<XmlNode> children(String localName) {
        return children.stream().filter(c -> c.name.equals(localName)).toList();
    }

    /** The first element along a slash-separated path of local names, or null. */
    XmlNode find(String path) {
        XmlNode at = this;
        for (String step : path.split("/")) {
            XmlNode next = null;
            for (XmlNode c : at.children) {
                if (c.name.equals(step)) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            at = next;
        }
        return at;
    }

    /** Text of the first element along the path, or null. */
    String text(String path) {
        XmlNode n = find(path);
        return n == null ? null : n.text();
    }

    /** Text of the first path that has any, or null. */
    String firstText(String... paths) {
        for (String p : paths) {
            String t = text(p);
            if (t != null) {
                return t;
            }
        }
        return null;
    }
}
