package io.artifactpipeline.core.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The shape a section's value (or a part of it) must have. A closed set: every layer handles each. */
public sealed interface Shape {

    /** A non-empty string. */
    record Text() implements Shape {
    }

    /** A whole number at or above a minimum. */
    record Int(int minimum) implements Shape {
    }

    /** One of a fixed set of strings. */
    record Choice(List<String> values) implements Shape {
        public Choice {
            values = List.copyOf(values);
        }
    }

    /** An object with exactly these fields, all required. */
    record Record(List<Field> fields) implements Shape {
        public Record {
            fields = List.copyOf(fields);
        }

        public Optional<Field> field(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).findFirst();
        }
    }

    /** An array of items of one shape, with bounds on its length. */
    record ListOf(Shape item, int minItems, int maxItems) implements Shape {
    }

    /** A named field of a {@link Record}, with the title people read (a table column, for instance). */
    record Field(String name, Shape shape, String title) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(shape, "shape");
            Objects.requireNonNull(title, "title");
        }

        /** A field whose human title follows from its name. */
        public Field(String name, Shape shape) {
            this(name, shape, HumanTitle.of(name));
        }
    }

    /** The bound of a list whose declaration gives none: nothing a founder or a model writes is unbounded. */
    int MAX_ITEMS = 50;

    /** The longest text value anywhere in content. */
    int MAX_TEXT_LENGTH = 20_000;

    static Shape text() {
        return new Text();
    }

    static Shape whole(int minimum) {
        return new Int(minimum);
    }

    static Shape choice(String... values) {
        return new Choice(List.of(values));
    }

    static Shape texts(int minItems, int maxItems) {
        return new ListOf(new Text(), minItems, maxItems);
    }

    static Shape texts() {
        return texts(0, MAX_ITEMS);
    }

    static Record record(Field... fields) {
        return new Record(List.of(fields));
    }

    static Field field(String name, Shape shape) {
        return new Field(name, shape);
    }

    static Field field(String name, Shape shape, String title) {
        return new Field(name, shape, title);
    }

    static Shape listOf(Shape item, int minItems, int maxItems) {
        return new ListOf(item, minItems, maxItems);
    }
}
