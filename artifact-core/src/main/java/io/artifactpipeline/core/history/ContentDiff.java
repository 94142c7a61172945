package io.artifactpipeline.core.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The differences between two contents of an artifact, down to the smallest changed value.
 *
 * <p>Objects are compared member by member (the older content's order first, then members only the
 * newer one has). Arrays are compared element by element <em>by index</em>: an item inserted at the
 * front shows as every later item changed plus one added at the end. That is deliberate: content lists
 * are short, edits address items by index ({@code /core_features/1}), and an index-true path is one a
 * client can apply or restore. Numbers are equal when their values are ({@code 1} and {@code 1.0}).
 */
public final class ContentDiff {

    private ContentDiff() {
    }

    /** Every change that turns {@code from} into {@code to}, in document order; empty when they are equal. */
    public static List<Change> between(ObjectNode from, ObjectNode to) {
        List<Change> changes = new ArrayList<>();
        compare("", from, to, changes);
        return List.copyOf(changes);
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<Change> changes) {
        if (sameValue(before, after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            compareObjects(path, before, after, changes);
        } else if (before.isArray() && after.isArray()) {
            compareArrays(path, before, after, changes);
        } else if (before.isTextual() && after.isTextual()) {
            changes.add(new Change.Changed(path, before, after, WordDiff.between(before.asText(), after.asText())));
        } else {
            changes.add(new Change.Changed(path, before, after, List.of()));
        }
    }

    private static void compareObjects(String path, JsonNode before, JsonNode after, List<Change> changes) {
        for (Iterator<String> names = before.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String member = path + "/" + escape(name);
            if (after.has(name)) {
                compare(member, before.get(name), after.get(name), changes);
            } else {
                changes.add(new Change.Removed(member, before.get(name)));
            }
        }
        for (Iterator<String> names = after.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!before.has(name)) {
                changes.add(new Change.Added(path + "/" + escape(name), after.get(name)));
            }
        }
    }

    private static void compareArrays(String path, JsonNode before, JsonNode after, List<Change> changes) {
        int shared = Math.min(before.size(), after.size());
        for (int i = 0; i < shared; i++) {
            compare(path + "/" + i, before.get(i), after.get(i), changes);
        }
        for (int i = shared; i < before.size(); i++) {
            changes.add(new Change.Removed(path + "/" + i, before.get(i)));
        }
        for (int i = shared; i < after.size(); i++) {
            changes.add(new Change.Added(path + "/" + i, after.get(i)));
        }
    }

    private static boolean sameValue(JsonNode before, JsonNode after) {
        if (before.isNumber() && after.isNumber()) {
            return before.decimalValue().compareTo(after.decimalValue()) == 0;
        }
        return before.equals(after);
    }

    /** RFC 6901: '~' and '/' inside a member name. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
