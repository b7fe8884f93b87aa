package dev.paxosref.trace.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shares equal JSON values among the events of one trace: a message is logged by its sender and again by every
 * receiver, and a node logs much the same state event after event, so most values of a long trace are repeats.
 *
 * <p>Values are built bottom up on a stack, as a parser reads them ({@link #text}, {@link #integer},
 * {@link #endObject} ...), and each is hash-consed as it is completed: its hash is made once from its children's,
 * which are shared already, so a container equals one in the table when it has the same field names in the same order
 * and the very same children. Sharing a value so costs one lookup, however deep the value: most end in a small cache
 * of the values met last, short strings are told by their bytes packed in a long. Held only
 * while one trace is read; the trace keeps the shared values, several times fewer. A trace read as a stream bounds
 * the table: once it holds {@code maxValues} values it starts again, so only values repeated within a stretch of the
 * trace are shared, and memory stays flat however long the trace is; with a bound of zero nothing is shared.
 */
final class SharedJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Slots of the table of field names met last: a power of two; a name takes the slot of its hash, evicting. */
    private static final int NAME_SLOTS = 512;
    private static final int TABLE_SLOTS_MIN = 256;
    /** Slots of the caches of values and short strings met last: 4,096, a few kilobytes each, mostly in the cache. */
    private static final int RECENT_BITS = 12;
    static final long NOT_PACKED = -1;
    private static final int PACKED_BYTES_MAX = 7;
    /** The integers logged most (ballots, slots, counters), one node each for all traces: made when first met. */
    private static final IntNode[] SMALL_INTS = new IntNode[1 << 16];
    private static final int OBJECT_SEED = 0x6f626a;
    private static final int ARRAY_SEED = 0x617272;
    private static final int INT_SEED = 0x696e74;
    private static final int OTHER_SEED = 0x6f7468;
    private static final int TRUE_HASH = mix(0x74727565);
    private static final int FALSE_HASH = mix(0x66616c73);
    private static final int NULL_HASH = mix(0x6e756c6c);

    private final int maxValues;
    /** Open addressing, linear probing, at most half full; {@code hashes[i]} is the hash of {@code table[i]}. */
    private JsonNode[] table = new JsonNode[TABLE_SLOTS_MIN];
    private int[] hashes = new int[TABLE_SLOTS_MIN];
    private int size;
    private final String[] names = new String[NAME_SLOTS];
    private final long[] nameKeys = new long[NAME_SLOTS];
    /** Short strings found or added last, by their packed bytes: found without reading a string. */
    private final long[] shortKeys = new long[1 << RECENT_BITS];
    private final JsonNode[] shortTexts = new JsonNode[1 << RECENT_BITS];
    /** The values found or added last, by the high bits of their hash: a few kilobytes, so mostly in the cache. */
    private final JsonNode[] recent = new JsonNode[1 << RECENT_BITS];
    private final int[] recentHashes = new int[1 << RECENT_BITS];
    /**
     * The value {@link #find} seeks, as fields rather than an object so that a lookup allocates nothing: the bytes of
     * a string, an integer, where a container's children start on the stack, or a leaf to compare with equals.
     */
    private byte[] soughtBytes;
    private int soughtFrom;
    private int soughtTo;
    private int soughtInt;
    private int soughtMark;
    private JsonNode sought;

    /** The values being built, with their hashes and, inside an object, their field names. */
    private JsonNode[] stack = new JsonNode[64];
    private int[] stackHashes = new int[64];
    private String[] stackNames = new String[64];
    private int top;

    SharedJson() {
        this(Integer.MAX_VALUE);
    }

    SharedJson(int maxValues) {
        this.maxValues = maxValues;
    }

    private boolean shares() {
        return maxValues > 0;
    }

    /** The depth of the stack: where a container's children start, or where to {@link #drop} back to. */
    int mark() {
        return top;
    }

    /** Forgets the values built since {@code mark}: a line given up on half way. */
    void drop(int mark) {
        Arrays.fill(stack, mark, top, null);
        top = mark;
    }

    /** The value built last, taken off the stack. */
    JsonNode pop() {
        JsonNode value = stack[--top];
        stack[top] = null;
        return value;
    }

    /** Names the value pushed last: a field of the object being built. */
    void field(String name) {
        stackNames[top - 1] = name;
    }

    /**
     * The name of the ASCII bytes {@code from} to {@code to} (no escapes), {@code packed} as by {@link #packed}: the
     * string met last in its slot if it is the same, so that the few names of a trace are made once and compared by
     * identity. A short name is told by its packed bytes alone, without reading the string.
     */
    String name(byte[] bytes, int from, int to, int hash, long packed) {
        int slot = (hash ^ (hash >>> 9)) & (NAME_SLOTS - 1);
        String recent = names[slot];
        if (recent == null || (packed != NOT_PACKED ? nameKeys[slot] != packed : !sameText(recent, bytes, from, to))) {
            recent = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
            names[slot] = recent;
            nameKeys[slot] = packed;
        }
        return recent;
    }

    /**
     * A string of at most seven ASCII bytes as one long, its length in the top byte; {@link #NOT_PACKED} for a
     * longer one. Two short strings are the same when their longs are.
     */
    static long pack(long packed, byte b, int index) {
        return index < PACKED_BYTES_MAX ? packed | (b & 0xFFL) << (8 * index) : NOT_PACKED;
    }

    static long packed(long bytes, int length) {
        return length <= PACKED_BYTES_MAX ? bytes | (long) length << 56 : NOT_PACKED;
    }

    /**
     * Pushes the string of the ASCII bytes {@code from} to {@code to} (no escapes), whose String hash is {@code hash},
     * {@code packed} as by {@link #packed}. A short string met lately is found by its packed bytes alone.
     */
    void text(byte[] bytes, int from, int to, int hash, long packed) {
        int mixed = mix(hash);
        int shortSlot = mixed >>> (Integer.SIZE - RECENT_BITS);
        if (packed != NOT_PACKED && shortKeys[shortSlot] == packed && shortTexts[shortSlot] != null) {
            push(shortTexts[shortSlot], mixed);
            return;
        }
        soughtBytes = bytes;
        soughtFrom = from;
        soughtTo = to;
        JsonNode text = find(mixed, Kind.ASCII);
        soughtBytes = null;
        if (text == null) {
            text = add(TextNode.valueOf(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1)), mixed);
        }
        if (packed != NOT_PACKED && shares()) {
            shortKeys[shortSlot] = packed;
            shortTexts[shortSlot] = text;
        }
        push(text, mixed);
    }

    void text(String text) {
        int mixed = mix(text.hashCode());
        sought = TextNode.valueOf(text);
        JsonNode found = find(mixed, Kind.EQUAL);
        push(found != null ? found : add(sought, mixed), mixed);
        sought = null;
    }

    void integer(int value) {
        int mixed = mix(value * 0x9E3779B9 + INT_SEED);
        if (value >= 0 && value < SMALL_INTS.length && shares()) {
            IntNode small = SMALL_INTS[value];
            if (small == null) {
                small = IntNode.valueOf(value);
                SMALL_INTS[value] = small; // by any thread: an IntNode's value is final, so it is seen whole
            }
            push(small, mixed);
            return;
        }
        soughtInt = value;
        JsonNode found = find(mixed, Kind.INT);
        push(found != null ? found : add(IntNode.valueOf(value), mixed), mixed);
    }

    void bool(boolean value) {
        push(BooleanNode.valueOf(value), value ? TRUE_HASH : FALSE_HASH);
    }

    void nul() {
        push(NullNode.getInstance(), NULL_HASH);
    }

    /**
     * Replaces the fields pushed since {@code mark}, each named, by their object; false (and the fields dropped) if a
     * name repeats. An object like one in the table has no name twice, so only a new one is checked.
     */
    boolean endObject(int mark) {
        int hash = OBJECT_SEED;
        for (int i = mark; i < top; i++) {
            hash = (hash * 31 + stackNames[i].hashCode()) * 31 + stackHashes[i];
        }
        int mixed = mix(hash);
        soughtMark = mark;
        JsonNode object = find(mixed, Kind.OBJECT);
        if (object == null) {
            SharedObject made = SharedObject.of(stackNames, stack, mark, top);
            if (made == null) {
                drop(mark);
                return false;
            }
            object = add(made, mixed);
        }
        drop(mark);
        push(object, mixed);
        return true;
    }

    /** Replaces the elements pushed since {@code mark} by their array. */
    void endArray(int mark) {
        int hash = ARRAY_SEED;
        for (int i = mark; i < top; i++) {
            hash = hash * 31 + stackHashes[i];
        }
        int mixed = mix(hash);
        soughtMark = mark;
        JsonNode array = find(mixed, Kind.ARRAY);
        if (array == null) {
            List<JsonNode> elements = new ArrayList<>(top - mark);
            for (int i = mark; i < top; i++) {
                elements.add(stack[i]);
            }
            array = add(new ArrayNode(NODES, elements), mixed);
        }
        drop(mark);
        push(array, mixed);
    }

    /** {@code value}, or an equal value met before: a tree read by the schema's path, shared as the parser's are. */
    JsonNode share(JsonNode value) {
        if (maxValues == 0) {
            return value;
        }
        build(value);
        return pop();
    }

    private void build(JsonNode value) {
        if (value instanceof ObjectNode object) {
            int mark = mark();
            object.properties().forEach(field -> {
                build(field.getValue());
                field(field.getKey());
            });
            endObject(mark); // a tree has no name twice
        } else if (value instanceof ArrayNode array) {
            int mark = mark();
            array.forEach(this::build);
            endArray(mark);
        } else if (value instanceof TextNode text) {
            text(text.textValue());
        } else if (value instanceof IntNode number) {
            integer(number.intValue());
        } else if (value instanceof BooleanNode) {
            bool(value.booleanValue());
        } else if (value instanceof NullNode) {
            nul();
        } else {
            other(value);
        }
    }

    /** A number of another kind than int, from the tree path only: rare, so compared as Jackson compares it. */
    private void other(JsonNode value) {
        int mixed = mix(value.hashCode() + OTHER_SEED);
        sought = value;
        JsonNode found = find(mixed, Kind.EQUAL);
        push(found != null ? found : add(value, mixed), mixed);
        sought = null;
    }

    /** How {@link #find} compares an entry with the value sought. */
    private enum Kind { ASCII, INT, OBJECT, ARRAY, EQUAL }

    /**
     * The entry of hash {@code mixed} that is the value sought, or null (always, when nothing is shared). The few
     * values met last are looked at first: the table is megabytes, and a probe of it mostly a cache miss.
     */
    private JsonNode find(int mixed, Kind kind) {
        if (maxValues == 0) {
            return null;
        }
        int recentSlot = mixed >>> (Integer.SIZE - RECENT_BITS);
        JsonNode entry = recent[recentSlot];
        if (entry != null && recentHashes[recentSlot] == mixed && isSought(entry, kind)) {
            return entry;
        }
        int mask = table.length - 1;
        for (int slot = mixed & mask; (entry = table[slot]) != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == mixed && isSought(entry, kind)) {
                remember(entry, mixed);
                return entry;
            }
        }
        return null;
    }

    private boolean isSought(JsonNode entry, Kind kind) {
        return switch (kind) {
            case ASCII -> entry instanceof TextNode text
                    && sameText(text.textValue(), soughtBytes, soughtFrom, soughtTo);
            case INT -> entry instanceof IntNode number && number.intValue() == soughtInt;
            case OBJECT -> entry instanceof SharedObject object && object.hasFields(stackNames, stack, soughtMark, top);
            case ARRAY -> entry instanceof ArrayNode array && sameElements(array, soughtMark);
            case EQUAL -> entry.getClass() == sought.getClass() && entry.equals(sought);
        };
    }

    private void remember(JsonNode entry, int mixed) {
        int recentSlot = mixed >>> (Integer.SIZE - RECENT_BITS);
        recent[recentSlot] = entry;
        recentHashes[recentSlot] = mixed;
    }

    /** Puts {@code value} in the table, which starts again when full and grows while at most half full. */
    private JsonNode add(JsonNode value, int mixed) {
        if (maxValues == 0) {
            return value;
        }
        if (size >= maxValues) {
            Arrays.fill(table, null);
            Arrays.fill(recent, null);
            Arrays.fill(shortTexts, null);
            size = 0;
        }
        if (2 * (size + 1) > table.length) {
            rehash(table.length * 2);
        }
        int mask = table.length - 1;
        int slot = mixed & mask;
        while (table[slot] != null) {
            slot = (slot + 1) & mask;
        }
        table[slot] = value;
        hashes[slot] = mixed;
        size++;
        remember(value, mixed);
        return value;
    }

    private void rehash(int slots) {
        JsonNode[] oldTable = table;
        int[] oldHashes = hashes;
        table = new JsonNode[slots];
        hashes = new int[slots];
        for (int i = 0; i < oldTable.length; i++) {
            if (oldTable[i] != null) {
                int slot = oldHashes[i] & (slots - 1);
                while (table[slot] != null) {
                    slot = (slot + 1) & (slots - 1);
                }
                table[slot] = oldTable[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }

    private boolean sameElements(ArrayNode array, int mark) {
        if (array.size() != top - mark) {
            return false;
        }
        for (int i = mark; i < top; i++) {
            if (array.get(i - mark) != stack[i]) {
                return false;
            }
        }
        return true;
    }

    private void push(JsonNode value, int mixed) {
        if (top == stack.length) {
            grow();
        }
        stack[top] = value;
        stackHashes[top] = mixed;
        top++;
    }

    private void grow() {
        stack = Arrays.copyOf(stack, stack.length * 2);
        stackHashes = Arrays.copyOf(stackHashes, stack.length);
        stackNames = Arrays.copyOf(stackNames, stack.length);
    }

    /** Spreads a hash over the low bits that pick a slot (Murmur3's finalizer). */
    private static int mix(int hash) {
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        hash *= 0xc2b2ae35;
        return hash ^ (hash >>> 16);
    }

    private static boolean sameText(String text, byte[] bytes, int from, int to) {
        if (text.length() != to - from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i - from) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
