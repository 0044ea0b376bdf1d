package io.ganeticonfd.query;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** JSON arrays assembled from already serialized elements, without parsing them again. */
final class JsonArrays {

    private JsonArrays() {}

    /** {@code [e1,e2,...]} from serialized elements. */
    static byte[] of(List<byte[]> elements) {
        int size = 2 + Math.max(0, elements.size() - 1);
        for (byte[] e : elements) {
            size += e.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        write(elements, out);
        return out.toByteArray();
    }

    /** {@code [[a1,...],[b1,...]]} from two lists of serialized elements. */
    static byte[] pair(List<byte[]> first, List<byte[]> second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('[');
        write(first, out);
        out.write(',');
        write(second, out);
        out.write(']');
        return out.toByteArray();
    }

    private static void write(List<byte[]> elements, ByteArrayOutputStream out) {
        out.write('[');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(elements.get(i));
        }
        out.write(']');
    }
}
