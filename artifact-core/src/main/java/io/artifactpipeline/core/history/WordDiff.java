package io.artifactpipeline.core.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A word-level diff of two strings: Myers' O(ND) algorithm in linear space (the "middle snake"
 * bisection), over tokens that each hold one word and the whitespace after it, so that joining the
 * equal and deleted segments gives back exactly the old text, and equal and inserted the new one.
 * Each run of changes comes out as one deletion followed by one insertion.
 */
final class WordDiff {
    private final int[] a;
    private final int[] b;
    private final List<String> aTokens;
    private final List<String> bTokens;
    private final List<Segment.Op> ops = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();

    private WordDiff(List<String> aTokens, List<String> bTokens) {
        this.aTokens = aTokens;
        this.bTokens = bTokens;
        Map<String, Integer> ids = new HashMap<>();
        this.a = aTokens.stream().mapToInt(t -> ids.computeIfAbsent(t, k -> ids.size())).toArray();
        this.b = bTokens.stream().mapToInt(t -> ids.computeIfAbsent(t, k -> ids.size())).toArray();
    }

    static List<Segment> between(String before, String after) {
        WordDiff diff = new WordDiff(tokens(before), tokens(after));
        diff.diff(0, diff.a.length, 0, diff.b.length);
        return diff.segments();
    }

    /** Words with the whitespace that follows them; leading whitespace is a token of its own. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i > 0) {
            tokens.add(text.substring(0, i));
            start = i;
        }
        while (i < text.length()) {
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            tokens.add(text.substring(start, i));
            start = i;
        }
        return tokens;
    }

    /** Diffs a[aStart..aEnd) against b[bStart..bEnd), emitting tokens in order. */
    private void diff(int aStart, int aEnd, int bStart, int bEnd) {
        int prefix = 0;
        while (aStart + prefix < aEnd && bStart + prefix < bEnd && a[aStart + prefix] == b[bStart + prefix]) {
            prefix++;
        }
        emit(Segment.Op.EQUAL, aTokens, aStart, aStart + prefix);
        aStart += prefix;
        bStart += prefix;
        int suffix = 0;
        while (aEnd - suffix > aStart && bEnd - suffix > bStart && a[aEnd - suffix - 1] == b[bEnd - suffix - 1]) {
            suffix++;
        }
        int aMiddleEnd = aEnd - suffix;
        int bMiddleEnd = bEnd - suffix;
        if (aStart == aMiddleEnd || bStart == bMiddleEnd) {
            emit(Segment.Op.DELETE, aTokens, aStart, aMiddleEnd);
            emit(Segment.Op.INSERT, bTokens, bStart, bMiddleEnd);
        } else {
            int[] split = middleSnake(aStart, aMiddleEnd, bStart, bMiddleEnd);
            diff(aStart, split[0], bStart, split[1]);
            diff(split[0], aMiddleEnd, split[1], bMiddleEnd);
        }
        emit(Segment.Op.EQUAL, aTokens, aMiddleEnd, aEnd);
    }

    /**
     * Runs the forward and reverse searches of Myers' algorithm at once until they overlap, and returns
     * the point (x, y) where they meet: an optimal edit script passes through it. Both ranges are
     * non-empty and share no first or last token, so the point lies strictly inside and splitting there
     * always makes progress.
     */
    private int[] middleSnake(int aStart, int aEnd, int bStart, int bEnd) {
        int n = aEnd - aStart;
        int m = bEnd - bStart;
        int maxD = (n + m + 1) / 2;
        int offset = maxD;
        int length = 2 * maxD + 2;
        int[] forward = new int[length];
        int[] reverse = new int[length];
        Arrays.fill(forward, -1);
        Arrays.fill(reverse, -1);
        forward[offset + 1] = 0;
        reverse[offset + 1] = 0;
        int delta = n - m;
        // With an odd delta the forward search meets the reverse one, with an even delta the other way round.
        boolean forwardMeets = delta % 2 != 0;
        // Diagonals whose paths ran off the grid are not explored again.
        int forwardKStart = 0;
        int forwardKEnd = 0;
        int reverseKStart = 0;
        int reverseKEnd = 0;
        for (int d = 0; d < maxD; d++) {
            for (int k = -d + forwardKStart; k <= d - forwardKEnd; k += 2) {
                int x = (k == -d || (k != d && forward[offset + k - 1] < forward[offset + k + 1]))
                        ? forward[offset + k + 1]
                        : forward[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[aStart + x] == b[bStart + y]) {
                    x++;
                    y++;
                }
                forward[offset + k] = x;
                if (x > n) {
                    forwardKEnd += 2;
                } else if (y > m) {
                    forwardKStart += 2;
                } else if (forwardMeets) {
                    int reverseIndex = offset + delta - k;
                    if (reverseIndex >= 0 && reverseIndex < length && reverse[reverseIndex] != -1
                            && x >= n - reverse[reverseIndex]) {
                        return new int[]{aStart + x, bStart + y};
                    }
                }
            }
            for (int k = -d + reverseKStart; k <= d - reverseKEnd; k += 2) {
                int x = (k == -d || (k != d && reverse[offset + k - 1] < reverse[offset + k + 1]))
                        ? reverse[offset + k + 1]
                        : reverse[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[aEnd - x - 1] == b[bEnd - y - 1]) {
                    x++;
                    y++;
                }
                reverse[offset + k] = x;
                if (x > n) {
                    reverseKEnd += 2;
                } else if (y > m) {
                    reverseKStart += 2;
                } else if (!forwardMeets) {
                    int forwardIndex = offset + delta - k;
                    if (forwardIndex >= 0 && forwardIndex < length && forward[forwardIndex] != -1) {
                        int forwardX = forward[forwardIndex];
                        int forwardY = offset + forwardX - forwardIndex;
                        if (forwardX >= n - x) {
                            return new int[]{aStart + forwardX, bStart + forwardY};
                        }
                    }
                }
            }
        }
        // Not reached for non-empty ranges (the searches meet by maxD); replacing the whole range is still correct.
        return new int[]{aEnd, bStart};
    }

    private void emit(Segment.Op op, List<String> source, int from, int to) {
        if (from >= to) {
            return;
        }
        String text = String.join("", source.subList(from, to));
        int last = ops.size() - 1;
        if (last >= 0 && ops.get(last) == op) {
            texts.set(last, texts.get(last) + text);
        } else {
            ops.add(op);
            texts.add(text);
        }
    }

    /** The emitted runs, with each change run rewritten as its deletions before its insertions. */
    private List<Segment> segments() {
        List<Segment> segments = new ArrayList<>();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        for (int i = 0; i < ops.size(); i++) {
            switch (ops.get(i)) {
                case DELETE -> deleted.append(texts.get(i));
                case INSERT -> inserted.append(texts.get(i));
                case EQUAL -> {
                    flush(segments, deleted, inserted);
                    segments.add(new Segment(Segment.Op.EQUAL, texts.get(i)));
                }
            }
        }
        flush(segments, deleted, inserted);
        return List.copyOf(segments);
    }

    private static void flush(List<Segment> segments, StringBuilder deleted, StringBuilder inserted) {
        if (!deleted.isEmpty()) {
            segments.add(new Segment(Segment.Op.DELETE, deleted.toString()));
            deleted.setLength(0);
        }
        if (!inserted.isEmpty()) {
            segments.add(new Segment(Segment.Op.INSERT, inserted.toString()));
            inserted.setLength(0);
        }
    }
}
