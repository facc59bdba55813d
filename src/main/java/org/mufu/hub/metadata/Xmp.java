package org.mufu.hub.metadata;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The Dublin Core and Photoshop fields of an XMP packet, read where a file carries no IPTC. */
record Xmp(String title, String description, String creator, String rights, List<String> subjects,
		String dateCreated) {

	private static final String DC = "http://purl.org/dc/elements/1.1/";

	private static final String PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/";

	private static final Xmp EMPTY = new Xmp(null, null, null, null, List.of(), null);

	/**
	 * Packets longer than this are not parsed: a DOM takes several times its text in memory, and the fields read
	 * here fit in a few KB. Photoshop's history (DocumentAncestors) can make real packets of several MB; such a
	 * picture keeps its EXIF and IPTC and loses only what the XMP alone says.
	 */
	static final int MAX_CHARS = 1024 * 1024;

	static Xmp parse(String xml) {
		if (xml == null || xml.isBlank() || xml.length() > MAX_CHARS) {
			return EMPTY;
		}
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // a broken packet throws, unprinted
			Document document = builder.parse(new InputSource(new StringReader(xml)));
			Element root = document.getDocumentElement();
			List<String> subjects = values(root, DC, "subject");
			return new Xmp(firstValue(root, DC, "title"), firstValue(root, DC, "description"),
					firstValue(root, DC, "creator"), firstValue(root, DC, "rights"), subjects,
					firstValue(root, PHOTOSHOP, "DateCreated"));
		}
		catch (Exception ex) {
			return EMPTY; // a broken XMP packet is no reason to refuse the picture
		}
	}

	private static String firstValue(Element root, String namespace, String name) {
		List<String> values = values(root, namespace, name);
		return values.isEmpty() ? null : values.get(0);
	}

	/** The rdf:li items of a property, or its text when it has none. */
	private static List<String> values(Element root, String namespace, String name) {
		List<String> values = new ArrayList<>();
		NodeList properties = root.getElementsByTagNameNS(namespace, name);
		for (int i = 0; i < properties.getLength(); i++) {
			Element property = (Element) properties.item(i);
			NodeList items = property.getElementsByTagNameNS("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "li");
			if (items.getLength() == 0) {
				addText(values, property.getTextContent());
			}
			for (int j = 0; j < items.getLength(); j++) {
				addText(values, items.item(j).getTextContent());
			}
		}
		return values;
	}

	private static void addText(List<String> values, String text) {
		if (text != null && !text.isBlank()) {
			values.add(text.trim());
		}
	}
}
