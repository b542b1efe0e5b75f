package cn.chanrong.scf.domain;

import cn.chanrong.shared.Rejection;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a fully-digital invoice from a simplified form of the published 数电发票 XML layout, the
 * file a supplier downloads from the tax platform and uploads with its receivable:
 *
 * <pre>{@code
 * <EInvoice>
 *   <Header>
 *     <EIid>20 digits</EIid>
 *     <IssueTime>yyyy-MM-dd</IssueTime>
 *     <InvoiceType>blue | red</InvoiceType>
 *     <OriginalEIid>20 digits, red only</OriginalEIid>
 *   </Header>
 *   <Seller><SellerIdNum>credit code</SellerIdNum><SellerName>…</SellerName></Seller>
 *   <Buyer><BuyerIdNum>credit code</BuyerIdNum><BuyerName>…</BuyerName></Buyer>
 *   <Items>
 *     <Item>                                       (one or more)
 *       <ItemName>…</ItemName>
 *       <TaxClassificationCode>19 digits</TaxClassificationCode>   (optional)
 *       <Quantity>decimal</Quantity>                              (optional)
 *       <MeasurementDimension>unit</MeasurementDimension>         (optional)
 *       <Amount>yuan, before tax</Amount>
 *       <TaxRate>0.13 or 13%</TaxRate>
 *       <ComTaxAm>yuan, the line's tax</ComTaxAm>
 *     </Item>
 *   </Items>
 *   <TotalAmWithoutTax>yuan</TotalAmWithoutTax>
 *   <TotalTaxAm>yuan</TotalTaxAm>
 *   <TotalTax-includedAmount>yuan</TotalTax-includedAmount>
 * </EInvoice>
 * }</pre>
 *
 * Text is trimmed; other elements are ignored so richer files still read. Decimals are plain
 * ({@code -1234.50}), no exponent or thousands separator. The encoding comes from the XML
 * declaration (UTF-8 when absent).
 * <p>
 * Uploaded XML is hostile until proven otherwise: the JDK's own StAX parser is used (not whatever
 * is on the classpath), DTDs and external entities are switched off, and a document with a
 * DOCTYPE is refused outright, which rules out XXE and entity-expansion bombs. Every problem comes
 * back as a rejection with code {@code invoice.xml}, the element's path as field (for example
 * {@code Items/Item[2]/Amount}) and as arguments the problem — {@code doctype},
 * {@code malformed} (line, column), {@code entity} (its name), {@code root}, {@code missing},
 * {@code duplicate}, {@code date}, {@code decimal}, {@code invoice-type}, and the limits that keep a
 * hostile document small in memory however large the file: {@code too-many} items, {@code too-long}
 * text, {@code too-deep} nesting — and the offending text or the limit. The document is read as a
 * stream, never held whole.
 * A readable invoice is then checked by {@link InvoiceRules}, and its rejections come back with it.
 */
public final class InvoiceXml {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Set<String> LEAVES = Set.of("Header/EIid", "Header/IssueTime", "Header/InvoiceType",
            "Header/OriginalEIid", "Seller/SellerIdNum", "Seller/SellerName", "Buyer/BuyerIdNum", "Buyer/BuyerName",
            "TotalAmWithoutTax", "TotalTaxAm", "TotalTax-includedAmount");
    private static final Set<String> ITEM_LEAVES = Set.of("ItemName", "TaxClassificationCode", "Quantity",
            "MeasurementDimension", "Amount", "TaxRate", "ComTaxAm");

    /** Items one invoice may have: far above any real invoice, low enough to keep a hostile file small in memory. */
    public static final int MAX_ITEMS = 10_000;
    /** Characters one element's text may have. */
    public static final int MAX_TEXT = 10_000;
    /** How deep elements may nest (the layout needs four). */
    public static final int MAX_DEPTH = 64;

    private InvoiceXml() {
    }

    /**
     * The invoice with the rule check's rejections, or a null invoice with the reasons the document
     * could not be read. {@link #ok()} when there is an invoice and nothing to object to.
     */
    public record Parsed(Invoice invoice, List<Rejection> rejections) {
        public Parsed {
            rejections = List.copyOf(rejections);
        }

        public boolean ok() {
            return invoice != null && rejections.isEmpty();
        }
    }

    /** Reads one invoice; the stream is left open for the caller to close. */
    public static Parsed parse(InputStream in) {
        Raw raw = new Raw();
        Rejection failure = read(in, raw);
        if (failure != null) {
            return new Parsed(null, List.of(failure));
        }
        return raw.toInvoice();
    }

    private static Rejection read(InputStream in, Raw raw) {
        XMLStreamReader reader = null;
        Deque<String> path = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        try {
            reader = factory().createXMLStreamReader(in);
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD -> {
                        return Rejection.of("invoice.xml", "DOCTYPE", "doctype");
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> {
                        // Without a DTD only the five predefined entities exist; anything else is an error.
                        return Rejection.of("invoice.xml", relative(path), "entity", reader.getLocalName());
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = reader.getLocalName();
                        if (path.isEmpty() && !name.equals("EInvoice")) {
                            return Rejection.of("invoice.xml", name, "root");
                        }
                        if (path.size() == MAX_DEPTH) {
                            return Rejection.of("invoice.xml", relative(path), "too-deep", MAX_DEPTH);
                        }
                        path.addLast(name);
                        text.setLength(0);
                        if (relative(path).equals("Items/Item")) {
                            if (raw.items.size() == MAX_ITEMS) {
                                return Rejection.of("invoice.xml", "Items/Item", "too-many", MAX_ITEMS);
                            }
                            raw.items.add(new HashMap<>());
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (text.length() + reader.getTextLength() > MAX_TEXT) {
                            return Rejection.of("invoice.xml", relative(path), "too-long", MAX_TEXT);
                        }
                        text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        raw.leaf(relative(path), path.peekLast(), text.toString().strip());
                        path.removeLast();
                        text.setLength(0);
                    }
                    default -> {
                    }
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            Location at = e instanceof XMLStreamException x ? x.getLocation() : null;
            String field = path.isEmpty() ? "EInvoice" : relative(path);
            return at == null ? Rejection.of("invoice.xml", field, "malformed")
                    : Rejection.of("invoice.xml", field, "malformed", at.getLineNumber(), at.getColumnNumber());
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // Nothing left to release: the caller owns the stream.
                }
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    /** The path below the root element, e.g. {@code Header/EIid}; the root itself is "". */
    private static String relative(Deque<String> path) {
        return String.join("/", path.stream().skip(1).toList());
    }

    /** Leaf texts as read, before any conversion. */
    private static final class Raw {
        final Map<String, String> leaves = new HashMap<>();
        final List<Map<String, String>> items = new ArrayList<>();
        final List<Rejection> problems = new ArrayList<>();

        void leaf(String path, String name, String value) {
            if (LEAVES.contains(path)) {
                if (leaves.putIfAbsent(path, value) != null) {
                    problems.add(Rejection.of("invoice.xml", path, "duplicate"));
                }
            } else if (path.startsWith("Items/Item/") && ITEM_LEAVES.contains(name) && path.indexOf('/', 11) < 0) {
                if (items.getLast().putIfAbsent(name, value) != null) {
                    problems.add(Rejection.of("invoice.xml", itemPath(items.size() - 1, name), "duplicate"));
                }
            }
        }

        Parsed toInvoice() {
            String number = text("Header/EIid");
            LocalDate issuedOn = date("Header/IssueTime");
            boolean red = type("Header/InvoiceType");
            String original = leaves.get("Header/OriginalEIid");
            String sellerCode = text("Seller/SellerIdNum");
            String sellerName = text("Seller/SellerName");
            String buyerCode = text("Buyer/BuyerIdNum");
            String buyerName = text("Buyer/BuyerName");
            BigDecimal exTax = decimal("TotalAmWithoutTax", leaves.get("TotalAmWithoutTax"), true);
            BigDecimal tax = decimal("TotalTaxAm", leaves.get("TotalTaxAm"), true);
            BigDecimal total = decimal("TotalTax-includedAmount", leaves.get("TotalTax-includedAmount"), true);
            List<Invoice.Item> lines = new ArrayList<>();
            if (items.isEmpty()) {
                problems.add(Rejection.of("invoice.xml", "Items/Item", "missing"));
            }
            for (int i = 0; i < items.size(); i++) {
                lines.add(item(i, items.get(i)));
            }
            if (!problems.isEmpty()) {
                return new Parsed(null, problems);
            }
            Invoice invoice = new Invoice(number, issuedOn, sellerCode, sellerName, buyerCode, buyerName, exTax, tax,
                    total, red, original == null || original.isEmpty() ? null : original, lines);
            return new Parsed(invoice, InvoiceRules.check(invoice));
        }

        private Invoice.Item item(int index, Map<String, String> item) {
            String name = item.get("ItemName");
            if (name == null || name.isEmpty()) {
                problems.add(Rejection.of("invoice.xml", itemPath(index, "ItemName"), "missing"));
            }
            String rate = item.get("TaxRate");
            BigDecimal taxRate;
            if (rate != null && rate.endsWith("%")) {
                BigDecimal percent = decimal(itemPath(index, "TaxRate"), rate.substring(0, rate.length() - 1).strip(), true);
                taxRate = percent == null ? null : percent.movePointLeft(2);
            } else {
                taxRate = decimal(itemPath(index, "TaxRate"), rate, true);
            }
            String unit = item.get("MeasurementDimension");
            String taxCode = item.get("TaxClassificationCode");
            return new Invoice.Item(name, taxCode == null || taxCode.isEmpty() ? null : taxCode,
                    decimal(itemPath(index, "Quantity"), item.get("Quantity"), false),
                    unit == null || unit.isEmpty() ? null : unit,
                    decimal(itemPath(index, "Amount"), item.get("Amount"), true), taxRate,
                    decimal(itemPath(index, "ComTaxAm"), item.get("ComTaxAm"), true));
        }

        private static String itemPath(int index, String name) {
            return "Items/Item[" + (index + 1) + "]/" + name;
        }

        private String text(String path) {
            String value = leaves.get(path);
            if (value == null || value.isEmpty()) {
                problems.add(Rejection.of("invoice.xml", path, "missing"));
                return null;
            }
            return value;
        }

        private LocalDate date(String path) {
            String value = text(path);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problems.add(Rejection.of("invoice.xml", path, "date", value));
                return null;
            }
        }

        private boolean type(String path) {
            String value = text(path);
            if (value == null) {
                return false;
            }
            return switch (value) {
                case "blue" -> false;
                case "red" -> true;
                default -> {
                    problems.add(Rejection.of("invoice.xml", path, "invoice-type", value));
                    yield false;
                }
            };
        }

        private BigDecimal decimal(String path, String value, boolean required) {
            if (value == null || value.isEmpty()) {
                if (required) {
                    problems.add(Rejection.of("invoice.xml", path, "missing"));
                }
                return null;
            }
            if (!DECIMAL.matcher(value).matches()) {
                problems.add(Rejection.of("invoice.xml", path, "decimal", value));
                return null;
            }
            return new BigDecimal(value);
        }
    }
}
