package io.ganeticonfd.query;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON pointers as Ganeti's daemon reads them: {@code ~0} and {@code ~1} escapes; parsing stops
 * silently at an invalid escape, keeping the tokens read so far; array indexes use the decimal
 * digits at the start of a token. There is no pointer to the whole document.
 * Resolution (array indexes by leading digits) is {@link io.ganeticonfd.config.ConfigDocument#resolve}.
 */
final class LenientPointer {

    private LenientPointer() {}

    /** The tokens of {@code pointer}, or null if it does not start with a slash. */
    static List<String> parse(String pointer) {
        if (pointer.isEmpty() || pointer.charAt(0) != '/') {
            return null;
        }
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = pointer.length();
        while (i < n && pointer.charAt(i) == '/') {
            i++;
            StringBuilder token = new StringBuilder();
            while (i < n && pointer.charAt(i) != '/') {
                char c = pointer.charAt(i);
                if (c != '~') {
                    token.append(c);
                    i++;
                } else if (i + 1 < n && (pointer.charAt(i + 1) == '0' || pointer.charAt(i + 1) == '1')) {
                    token.append(pointer.charAt(i + 1) == '0' ? '~' : '/');
                    i += 2;
                } else {
                    tokens.add(token.toString());
                    return tokens;
                }
            }
            tokens.add(token.toString());
        }
        return tokens;
    }
}
