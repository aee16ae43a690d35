package io.streamrec.deploy;

import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The versions the build uses, read from the root pom: the one place they are set. */
final class BuildVersions {
    private static final Map<String, String> PROPERTIES = new HashMap<>();
    private static final String PROJECT_VERSION;

    static {
        Document pom = Poms.parse("pom.xml");
        Element root = pom.getDocumentElement();
        PROJECT_VERSION = Poms.childText(root, "version");
        Element properties = Poms.child(root, "properties");
        NodeList children = properties.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node node = children.item(i);
            if (node instanceof Element e) {
                PROPERTIES.put(e.getTagName(), e.getTextContent().trim());
            }
        }
    }

    private BuildVersions() {}

    static String project() {
        return PROJECT_VERSION;
    }

    static String flink() {
        return property("flink.version");
    }

    static String kafka() {
        return property("kafka.version");
    }

    static String onnxRuntime() {
        return property("onnxruntime.version");
    }

    static String property(String name) {
        String value = PROPERTIES.get(name);
        if (value == null) {
            throw new IllegalStateException("Root pom has no property " + name);
        }
        return value;
    }

    /** Small DOM helpers for the poms. */
    static final class Poms {
        private Poms() {}

        static Document parse(String relative) {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(false);
                return factory.newDocumentBuilder().parse(Repo.path(relative).toFile());
            } catch (Exception e) {
                throw new IllegalStateException("Cannot parse " + relative, e);
            }
        }

        static Element child(Element parent, String tag) {
            NodeList children = parent.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                    return e;
                }
            }
            throw new IllegalStateException("<" + parent.getTagName() + "> has no <" + tag + ">");
        }

        static String childText(Element parent, String tag) {
            return child(parent, tag).getTextContent().trim();
        }
    }
}
