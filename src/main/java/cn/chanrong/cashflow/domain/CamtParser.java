package cn.chanrong.cashflow.domain;

import cn.chanrong.cashflow.domain.StatementFormatException.Place;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads ISO 20022 bank-to-customer statements (camt.053, versions 001.02 to 001.13) and debit/credit
 * notifications (camt.054) into {@link StatementDraft}s, one per {@code Stmt} or {@code Ntfctn}.
 *
 * <p>Statement files arrive from outside, so the reader is hardened: no DTD is processed and any
 * DOCTYPE or entity reference is refused outright ({@code camt.xxe}) rather than skipped, which rules
 * out external-entity reads and entity-expansion bombs; the input is capped in bytes and in element
 * depth. The camt {@code Document} may be wrapped (e.g. in a {@code <message>} with a head.001
 * {@code AppHdr}); every top-level Document found is read. The mapping rules are described on
 * {@link CamtMapper}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CamtParser {

    /** 50 MB: far above a year of daily statements for an SME, far below what would hurt the heap. */
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;
    /** camt nests about 15 deep; 64 leaves room for wrappers while stopping pathological nesting. */
    public static final int DEFAULT_MAX_DEPTH = 64;

    private static final String CAMT_053 = "urn:iso:std:iso:20022:tech:xsd:camt.053.";
    private static final String CAMT_054 = "urn:iso:std:iso:20022:tech:xsd:camt.054.";

    private final long maxBytes;
    private final int maxDepth;

    public CamtParser() {
        this(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);
    }

    public CamtParser(long maxBytes, int maxDepth) {
        if (maxBytes <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
    }

    /** Parses a whole file held in memory. */
    public List<StatementDraft> parse(byte[] xml) {
        return parse(new ByteArrayInputStream(Objects.requireNonNull(xml, "xml")));
    }

    /**
     * Parses a file from a stream; the caller keeps ownership of the stream and closes it.
     *
     * @throws StatementFormatException naming the place and field of the first problem found
     */
    public List<StatementDraft> parse(InputStream in) {
        Capped capped = new Capped(Objects.requireNonNull(in, "in"), maxBytes);
        List<XmlNode> documents = new ArrayList<>();
        List<String> namespaces = new ArrayList<>();
        XMLStreamReader r = null;
        try {
            r = hardenedFactory().createXMLStreamReader(capped);
            Deque<XmlNode> open = new ArrayDeque<>();
            int depth = 0;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE,
                         XMLStreamConstants.ENTITY_DECLARATION -> throw refused(r.getLocation());
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++depth > maxDepth) {
                            throw new StatementFormatException("camt.too-deep", at(r.getLocation()), r.getLocalName(),
                                    "elements nest deeper than " + maxDepth, "元素嵌套超过 " + maxDepth + " 层");
                        }
                        if (open.isEmpty() && !"Document".equals(r.getLocalName())) {
                            continue; // wrapper or header (AppHdr): not ours to read
                        }
                        XmlNode node = new XmlNode(r.getLocalName(), r.getLocation().getLineNumber());
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            node.attribute(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                        if (open.isEmpty()) {
                            namespaces.add(checkNamespace(r.getNamespaceURI(), r.getLocation()));
                            documents.add(node);
                        } else {
                            open.peek().add(node);
                        }
                        open.push(node);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.peek().appendText(r.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        if (!open.isEmpty()) {
                            open.pop();
                        }
                    }
                    default -> {
                        // comments, processing instructions: carry no statement data
                    }
                }
            }
        } catch (XMLStreamException e) {
            if (capped.exceeded) {
                throw new StatementFormatException("camt.too-large", Place.path("file"), "size",
                        "file is larger than " + maxBytes + " bytes", "文件超过 " + maxBytes + " 字节");
            }
            throw new StatementFormatException("camt.malformed", at(e.getLocation() != null ? e.getLocation()
                    : r == null ? null : r.getLocation()), "XML", "not well-formed XML (" + firstLine(e) + ")",
                    "XML 格式不正确（" + firstLine(e) + "），文件可能被截断");
        } finally {
            closeQuietly(r);
        }
        if (documents.isEmpty()) {
            throw new StatementFormatException("camt.malformed", Place.path("file"), "Document",
                    "no ISO 20022 Document element", "没有 ISO 20022 Document 元素");
        }
        List<StatementDraft> out = new ArrayList<>();
        CamtMapper mapper = new CamtMapper();
        for (int i = 0; i < documents.size(); i++) {
            out.addAll(mapper.map(namespaces.get(i), documents.get(i)));
        }
        return out;
    }

    /** Returns the message name and version, e.g. camt.053.001.07, or refuses the namespace. */
    private static String checkNamespace(String ns, Location loc) {
        if (ns != null && (ns.startsWith(CAMT_053) || ns.startsWith(CAMT_054))) {
            return ns.substring(ns.lastIndexOf(':') + 1);
        }
        String found = ns == null || ns.isEmpty() ? "(none)" : ns;
        throw new StatementFormatException("camt.namespace", at(loc), "Document",
                "namespace " + found + " is not a camt.053 statement or camt.054 notification",
                "命名空间 " + found + " 不是 camt.053 对账单或 camt.054 通知");
    }

    private static XMLInputFactory hardenedFactory() {
        // The JDK's own implementation, not whatever the classpath offers: these settings are tested on it.
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    private static StatementFormatException refused(Location loc) {
        return new StatementFormatException("camt.xxe", at(loc), "DOCTYPE",
                "DOCTYPE/entities are refused", "不接受 DOCTYPE 或实体声明");
    }

    private static Place at(Location loc) {
        return loc == null ? Place.path("file") : Place.lineColumn(loc.getLineNumber(), loc.getColumnNumber());
    }

    private static String firstLine(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.lastIndexOf("Message:");
        String s = (nl >= 0 ? m.substring(nl + 8) : m).strip();
        int end = s.indexOf('\n');
        return end >= 0 ? s.substring(0, end) : s;
    }

    private static void closeQuietly(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing left to report: the outcome is already decided
            }
        }
    }

    /** Counts bytes as the XML reader pulls them and stops it once the cap is passed. */
    private static final class Capped extends FilterInputStream {
        private final long cap;
        private long count;
        boolean exceeded;

        Capped(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            add(Math.max(skipped, 0));
            return skipped;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) throws IOException {
            count += n;
            if (count > cap) {
                exceeded = true;
                throw new IOException("input exceeds " + cap + " bytes");
            }
        }
    }
}
