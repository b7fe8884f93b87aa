package dev.paxosref.trace.format;

/** The escapes of a JSON string, as Jackson reads them by default: JSON's own, and no others. */
final class JsonEscapes {
    private JsonEscapes() {}

    /** The text between the quotes of a JSON string, its escapes decoded; null if one is not JSON's. */
    static String decode(String raw) {
        StringBuilder text = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            if (++i == raw.length()) {
                return null;
            }
            switch (raw.charAt(i)) {
                case '"', '\\', '/' -> text.append(raw.charAt(i));
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    int code = i + 4 < raw.length() ? hex(raw, i + 1) : -1;
                    if (code < 0) {
                        return null;
                    }
                    text.append((char) code);
                    i += 4;
                }
                default -> {
                    return null;
                }
            }
        }
        return text.toString();
    }

    /** The four hex digits at {@code from}, or -1. */
    private static int hex(String raw, int from) {
        int code = 0;
        for (int i = from; i < from + 4; i++) {
            char c = raw.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            code = code * 16 + digit;
        }
        return code;
    }
}
