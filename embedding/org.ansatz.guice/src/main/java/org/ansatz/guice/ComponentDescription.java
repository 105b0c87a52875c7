package org.ansatz.guice;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A Declarative Services component as its descriptor ({@code OSGI-INF/*.xml}, written by bnd from the
 * component's annotations) states it: the same metadata SCR reads inside OSGi, read here to wire the
 * same classes without a framework.
 *
 * @param name           the component name
 * @param implementation the class to instantiate
 * @param services       the interfaces it provides
 * @param properties     component properties with their declared types
 * @param references     the services it needs
 * @param activate       the activate method's name, if declared
 * @param deactivate     the deactivate method's name, if declared
 * @param init           number of constructor parameters (0: the no-argument constructor)
 * @param configurationPid PIDs its configuration is read from
 * @param configurationRequired whether it is only activated with a configuration
 * @param bundle         symbolic name and version of the jar it comes from
 */
record ComponentDescription(String name, String implementation, List<String> services, Map<String, Object> properties,
        List<ReferenceDescription> references, String activate, String deactivate, int init,
        List<String> configurationPid, boolean configurationRequired, String bundle, String bundleVersion) {

    /**
     * A reference: {@code field}, {@code bind} method or constructor {@code parameter} receives it.
     *
     * @param cardinality one of 0..1, 1..1, 0..n, 1..n
     */
    record ReferenceDescription(String name, String service, String cardinality, String field, String bind,
            Integer parameter) {

        boolean multiple() {
            return cardinality.endsWith("n");
        }

        boolean optional() {
            return cardinality.startsWith("0");
        }
    }

    /** Reads every component of one descriptor file. */
    static List<ComponentDescription> read(URL xml, String bundle, String bundleVersion) {
        Document doc;
        try (InputStream in = xml.openStream()) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(in);
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot read component descriptor " + xml + ": " + e.getMessage(), e);
        }
        List<ComponentDescription> out = new ArrayList<>();
        Element root = doc.getDocumentElement();
        if ("component".equals(root.getLocalName())) {
            out.add(component(root, bundle, bundleVersion));
        } else {
            for (Element c : children(root, "component")) {
                out.add(component(c, bundle, bundleVersion));
            }
        }
        return out;
    }

    private static ComponentDescription component(Element c, String bundle, String bundleVersion) {
        String name = c.getAttribute("name");
        String implementation = children(c, "implementation").stream().findFirst()
                .map(e -> e.getAttribute("class"))
                .orElseThrow(() -> new IllegalStateException("component " + name + " names no implementation class"));
        List<String> services = new ArrayList<>();
        for (Element s : children(c, "service")) {
            for (Element p : children(s, "provide")) {
                services.add(p.getAttribute("interface"));
            }
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Element p : children(c, "property")) {
            properties.put(p.getAttribute("name"), PropertyValues.parse(p.getAttribute("type"),
                    p.hasAttribute("value") ? p.getAttribute("value") : null, p.getTextContent()));
        }
        List<ReferenceDescription> references = new ArrayList<>();
        for (Element r : children(c, "reference")) {
            references.add(new ReferenceDescription(r.getAttribute("name"), r.getAttribute("interface"),
                    r.hasAttribute("cardinality") ? r.getAttribute("cardinality") : "1..1",
                    blankToNull(r.getAttribute("field")), blankToNull(r.getAttribute("bind")),
                    r.hasAttribute("parameter") ? Integer.valueOf(r.getAttribute("parameter")) : null));
        }
        String pids = c.hasAttribute("configuration-pid") ? c.getAttribute("configuration-pid") : name;
        return new ComponentDescription(name, implementation, services, properties, references,
                blankToNull(c.getAttribute("activate")), blankToNull(c.getAttribute("deactivate")),
                c.hasAttribute("init") ? Integer.parseInt(c.getAttribute("init")) : 0,
                List.of(pids.trim().split("\\s+")), "require".equals(c.getAttribute("configuration-policy")),
                bundle, bundleVersion);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && localName.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                out.add(e);
            }
        }
        return out;
    }
}
