package io.artifactpipeline.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A rule across sections that shapes alone cannot express. Rules only look at sections that are
 * present and well-shaped; shape violations are reported separately.
 */
public interface ConsistencyRule {

    List<Violation> check(ObjectNode content);

    /** Every entry of {@code referencing} (a list of strings) equals the {@code key} of some item of {@code referenced}. */
    static ConsistencyRule entriesName(String referencing, String referenced, String key) {
        return content -> {
            JsonNode refs = content.get(referencing);
            JsonNode items = content.get(referenced);
            if (refs == null || items == null || !refs.isArray() || !items.isArray()) {
                return List.of();
            }
            Set<String> names = new HashSet<>();
            items.forEach(item -> names.add(item.path(key).asText()));
            List<Violation> violations = new ArrayList<>();
            for (int i = 0; i < refs.size(); i++) {
                if (!names.contains(refs.get(i).asText())) {
                    violations.add(new Violation("/" + referencing + "/" + i,
                            "'" + refs.get(i).asText() + "' is not the " + key + " of any of " + referenced));
                }
            }
            return violations;
        };
    }

    /** The items of {@code list} carry {@code numberField} = 1, 2, ..., n in order. */
    static ConsistencyRule numberedFromOne(String list, String numberField) {
        return content -> {
            JsonNode items = content.get(list);
            if (items == null || !items.isArray()) {
                return List.of();
            }
            List<Violation> violations = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                JsonNode number = items.get(i).get(numberField);
                if (number != null && number.isIntegralNumber() && number.asInt() != i + 1) {
                    violations.add(new Violation("/" + list + "/" + i + "/" + numberField,
                            "must be " + (i + 1) + ": " + numberField + " runs 1.." + items.size() + " in order"));
                }
            }
            return violations;
        };
    }
}
