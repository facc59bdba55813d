package org.mufu.hub.index;

import java.util.Map;

/** One document as the index stores it: its id and its fields, all derived from a record in storage. */
public record IndexedDocument(String id, Map<String, Object> fields) {
}
