package io.ganeticonfd.cli;

/** Scans JSON text held in byte arrays (UTF-8) without building values: skip, unescape, find a number member. */
final class JsonBytes {

    private static final int MAX_DEPTH = 256;

    private JsonBytes() {
    }

    /** The first position from {@code p} (before {@code end}) that is not JSON white space. */
    static int ws(byte[] d, int p, int end) {
        while (p < end && (d[p] == ' ' || d[p] == '\n' || d[p] == '\r' || d[p] == '\t')) {
            p++;
        }
        return p;
    }

    /** With {@code d[p]} a quote: the position after the closing quote, or -1. */
    static int skipString(byte[] d, int p, int end) {
        if (p >= end || d[p] != '"') {
            return -1;
        }
        for (p++; p < end; p++) {
            if (d[p] == '\\') {
                p++;
            } else if (d[p] == '"') {
                return p + 1;
            }
        }
        return -1;
    }

    /** The position after the JSON value starting at {@code p}, or -1 if there is none. */
    static int skipValue(byte[] d, int p, int end) {
        if (p >= end) {
            return -1;
        }
        byte c = d[p];
        if (c == '"') {
            return skipString(d, p, end);
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            while (p < end) {
                c = d[p];
                if (c == '"') {
                    p = skipString(d, p, end);
                    if (p < 0) {
                        return -1;
                    }
                    continue;
                }
                if (c == '{' || c == '[') {
                    if (++depth > MAX_DEPTH) {
                        return -1;
                    }
                } else if ((c == '}' || c == ']') && --depth == 0) {
                    return p + 1;
                }
                p++;
            }
            return -1;
        }
        int s = p;
        while (p < end && (Character.isLetterOrDigit(d[p]) || d[p] == '-' || d[p] == '+' || d[p] == '.')) {
            p++;
        }
        return p > s ? p : -1;
    }

    /**
     * Unescapes the contents of a JSON string ({@code from} to {@code to}, without quotes) into
     * {@code out} as UTF-8; returns the length, or -1 on a bad escape or when {@code out} is too small.
     */
    static int unescape(byte[] d, int from, int to, byte[] out) {
        int n = 0;
        for (int p = from; p < to; p++) {
            byte c = d[p];
            if (c != '\\') {
                if (n >= out.length) {
                    return -1;
                }
                out[n++] = c;
                continue;
            }
            if (++p >= to) {
                return -1;
            }
            int cp;
            switch (d[p]) {
                case '"' -> cp = '"';
                case '\\' -> cp = '\\';
                case '/' -> cp = '/';
                case 'b' -> cp = '\b';
                case 'f' -> cp = '\f';
                case 'n' -> cp = '\n';
                case 'r' -> cp = '\r';
                case 't' -> cp = '\t';
                case 'u' -> {
                    cp = hex4(d, p + 1, to);
                    if (cp < 0) {
                        return -1;
                    }
                    p += 4;
                    if (cp >= 0xd800 && cp < 0xdc00 && p + 6 < to && d[p + 1] == '\\' && d[p + 2] == 'u') {
                        int lo = hex4(d, p + 3, to);
                        if (lo >= 0xdc00 && lo < 0xe000) {
                            cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                            p += 6;
                        }
                    }
                }
                default -> {
                    return -1;
                }
            }
            n = utf8(cp, out, n);
            if (n < 0) {
                return -1;
            }
        }
        return n;
    }

    /** The integer value of top-level member {@code name} of the object in {@code d[0..len)}, or -1. */
    static int intMember(byte[] d, int len, String name) {
        int p = ws(d, 0, len);
        if (p >= len || d[p] != '{') {
            return -1;
        }
        p = ws(d, p + 1, len);
        while (p < len && d[p] == '"') {
            int keyEnd = skipString(d, p, len);
            if (keyEnd < 0) {
                return -1;
            }
            boolean match = keyEnd - p - 2 == name.length() && same(d, p + 1, name);
            p = ws(d, keyEnd, len);
            if (p >= len || d[p] != ':') {
                return -1;
            }
            p = ws(d, p + 1, len);
            if (match) {
                return number(d, p, len);
            }
            p = skipValue(d, p, len);
            if (p < 0) {
                return -1;
            }
            p = ws(d, p, len);
            if (p < len && d[p] == ',') {
                p = ws(d, p + 1, len);
            }
        }
        return -1;
    }

    private static int number(byte[] d, int p, int len) {
        int v = 0;
        int digits = 0;
        while (p < len && d[p] >= '0' && d[p] <= '9' && digits < 9) {
            v = v * 10 + (d[p++] - '0');
            digits++;
        }
        return digits == 0 ? -1 : v;
    }

    private static boolean same(byte[] d, int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (d[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int hex4(byte[] d, int p, int to) {
        if (p + 4 > to) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int x = Character.digit(d[p + i], 16);
            if (x < 0) {
                return -1;
            }
            v = v << 4 | x;
        }
        return v;
    }

    private static int utf8(int cp, byte[] out, int n) {
        int k = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (n + k > out.length) {
            return -1;
        }
        switch (k) {
            case 1 -> out[n] = (byte) cp;
            case 2 -> {
                out[n] = (byte) (0xc0 | cp >> 6);
                out[n + 1] = (byte) (0x80 | cp & 63);
            }
            case 3 -> {
                out[n] = (byte) (0xe0 | cp >> 12);
                out[n + 1] = (byte) (0x80 | cp >> 6 & 63);
                out[n + 2] = (byte) (0x80 | cp & 63);
            }
            default -> {
                out[n] = (byte) (0xf0 | cp >> 18);
                out[n + 1] = (byte) (0x80 | cp >> 12 & 63);
                out[n + 2] = (byte) (0x80 | cp >> 6 & 63);
                out[n + 3] = (byte) (0x80 | cp & 63);
            }
        }
        return n + k;
    }
}
