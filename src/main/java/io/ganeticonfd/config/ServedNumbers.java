package io.ganeticonfd.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Numbers as Ganeti's daemon writes them: whole values as integers, timestamps through picoseconds. */
final class ServedNumbers {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_LONG_DIGITS = 18;
    private static final BigInteger PICOS_PER_SECOND = BigInteger.TEN.pow(12);
    private static final double PICOS = 1e12;

    private ServedNumbers() {}

    /** {@code node} with every whole-valued decimal (e.g. {@code 5000000.0}) an integer; containers changed in place. */
    static JsonNode wholeAsIntegers(JsonNode node) {
        if (node.isContainerNode()) {
            if (node instanceof ObjectNode object) {
                object.fields().forEachRemaining(e -> e.setValue(wholeAsIntegers(e.getValue())));
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, wholeAsIntegers(array.get(i)));
                }
            }
            return node;
        }
        if (node.isBigDecimal() || node.isDouble() || node.isFloat()) {
            return decimal(node.decimalValue());
        }
        return node;
    }

    /**
     * A {@code ctime}/{@code mtime} after Ganeti's round trip: the double, rounded to whole
     * picoseconds, split into seconds and picoseconds, and added up again as a double.
     */
    static JsonNode timestamp(JsonNode node) {
        double picosecondsAsDouble = node.doubleValue() * PICOS;
        if (!Double.isFinite(picosecondsAsDouble)) {
            // beyond a double, or beyond one once in picoseconds (above about 1.8e296 s): served as written
            return wholeAsIntegers(node);
        }
        BigInteger picos = new BigDecimal(picosecondsAsDouble)
                .setScale(0, RoundingMode.HALF_EVEN)
                .toBigInteger();
        BigInteger[] split = picos.divideAndRemainder(PICOS_PER_SECOND);
        if (split[1].signum() < 0) {
            split[0] = split[0].subtract(BigInteger.ONE);
            split[1] = split[1].add(PICOS_PER_SECOND);
        }
        double back = split[0].doubleValue() + split[1].doubleValue() / PICOS;
        return decimal(new BigDecimal(Double.toString(back)));
    }

    private static JsonNode decimal(BigDecimal value) {
        if (value.signum() == 0) {
            return NODES.numberNode(0L);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= MAX_LONG_DIGITS) {
            return NODES.numberNode(stripped.longValueExact());
        }
        return NODES.numberNode(value);
    }
}
