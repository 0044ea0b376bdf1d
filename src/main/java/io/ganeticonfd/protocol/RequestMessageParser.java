package io.ganeticonfd.protocol;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Parses the signed request message ({@code msg}) into a {@link ConfdRequest}, with exactly the
 * acceptance rules of Ganeti 3.0's daemon, plus string field codes in CLUSTER_MASTER queries.
 */
final class RequestMessageParser {

    private static final BigDecimal CODE_LIMIT = BigDecimal.valueOf(1000);
    private static final int INVALID_CODE = -1;

    private final FreshDocumentParsers chars;
    private final DocumentParsers documents;
    private final MessageScanner scanner;

    /**
     * A parser reading messages from their UTF-8 bytes with {@code documents}, or from their chars with
     * {@code chars}; messages of the common form are read by {@code scanner} instead, unless it is null.
     */
    RequestMessageParser(FreshDocumentParsers chars, DocumentParsers documents, MessageScanner scanner) {
        this.chars = chars;
        this.documents = documents;
        this.scanner = scanner;
    }

    /**
     * Parses the message in {@code s} ({@link CodecScratch#msg}), verified with {@code key}, given its UTF-8
     * encoding ({@code utf8Len} bytes of {@code utf8} from {@code utf8Off}); neither is kept after the call.
     * The bytes are parsed unless the text has a lone surrogate, which UTF-8 cannot carry (it is encoded
     * as {@code ?}), so the chars are parsed then.
     */
    DecodeResult parse(CodecScratch s, byte[] utf8, int utf8Off, int utf8Len, HmacKey key) {
        char[] msg = s.msg;
        int len = s.msgLength;
        if (len == 0 || msg[0] != '{') {
            return bad("message is not a JSON object");
        }
        boolean fromBytes = !Utf8.hasLoneSurrogate(msg, 0, len);
        if (fromBytes && scanner != null) {
            DecodeResult scanned = scanner.read(utf8, utf8Off, utf8Len, key, s);
            if (scanned != null) {
                return scanned;
            }
        }
        DocumentParsers source = fromBytes ? documents : chars;
        int typeCode = INVALID_CODE;
        boolean hasProtocol = false;
        boolean hasType = false;
        String rsalt = null;
        QueryArgument query = null;
        JsonParser p = null;
        boolean whole = false;
        try {
            p = fromBytes ? documents.open(utf8, utf8Off, utf8Len) : chars.open(msg, 0, len);
            p.nextToken();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "protocol" -> {
                        if (!hasProtocol && !v.isNumeric()) {
                            return bad("protocol is not a number");
                        }
                        hasProtocol = true;
                    }
                    case "type" -> {
                        if (!hasType) {
                            if (!v.isNumeric()) {
                                return bad("type is not a number");
                            }
                            typeCode = roundedCode(p);
                        }
                        hasType = true;
                    }
                    case "rsalt" -> {
                        if (rsalt == null) {
                            if (v != JsonToken.VALUE_STRING) {
                                return bad("rsalt is not a string");
                            }
                            rsalt = p.getText();
                        }
                    }
                    case "query" -> {
                        if (query == null) {
                            query = parseQuery(p, v);
                            if (query == null) {
                                return bad("query is not null, a string or a valid dict");
                            }
                        }
                    }
                    default -> {
                        return bad("unknown request member");
                    }
                }
                p.skipChildren();
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                return bad("trailing data after the request");
            }
            whole = true;
        } catch (IOException | RuntimeException e) {
            return bad("message is not valid JSON");
        } finally {
            if (p != null) {
                source.release(p, whole);
            }
        }
        if (!hasProtocol || !hasType || rsalt == null) {
            return bad("request lacks protocol, type or rsalt");
        }
        return decoded(typeCode, query == null ? QueryArgument.None.INSTANCE : query, rsalt, key);
    }

    /** The request of a message read whole: accepted if {@code typeCode} names a request type. */
    static DecodeResult decoded(int typeCode, QueryArgument query, String rsalt, HmacKey key) {
        RequestType type = RequestType.fromCode(typeCode).orElse(null);
        if (type == null) {
            return RequestDecoder.reject(RejectReason.UNKNOWN_TYPE, "unknown request type");
        }
        return new DecodeResult.Accepted(new ConfdRequest(type, query, rsalt), key);
    }

    /** The query at the current token, or null if it is not of an accepted shape. */
    private static QueryArgument parseQuery(JsonParser p, JsonToken v) throws IOException {
        return switch (v) {
            case VALUE_NULL -> QueryArgument.None.INSTANCE;
            case VALUE_STRING -> new QueryArgument.Plain(p.getText());
            case START_OBJECT -> parseDict(p);
            default -> null;
        };
    }

    private static QueryArgument.Dict parseDict(JsonParser p) throws IOException {
        String link = null;
        String ip = null;
        List<String> ips = null;
        List<MasterField> fields = null;
        boolean seenLink = false;
        boolean seenIp = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            boolean isNull = v == JsonToken.VALUE_NULL;
            switch (name) {
                case "0", "1" -> {
                    if (!isNull && v != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    if (name.equals("0") && !seenLink) {
                        link = isNull ? null : p.getText();
                        seenLink = true;
                    } else if (name.equals("1") && !seenIp) {
                        ip = isNull ? null : p.getText();
                        seenIp = true;
                    }
                }
                case "2" -> {
                    List<String> parsed = isNull ? List.of() : parseIpList(p, v);
                    if (parsed == null) {
                        return null;
                    }
                    ips = ips == null ? parsed : ips;
                }
                case "3" -> {
                    List<MasterField> parsed = isNull ? List.of() : parseFields(p, v);
                    if (parsed == null) {
                        return null;
                    }
                    fields = fields == null ? parsed : fields;
                }
                default -> {
                    return null;
                }
            }
        }
        return new QueryArgument.Dict(link, ip, ips == null ? List.of() : ips, fields == null ? List.of() : fields);
    }

    private static List<String> parseIpList(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            return null;
        }
        List<String> ips = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_STRING) {
                return null;
            }
            ips.add(p.getText());
        }
        return ips;
    }

    private static List<MasterField> parseFields(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            return null;
        }
        List<MasterField> fields = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            int code;
            if (t.isNumeric()) {
                code = roundedCode(p);
            } else if (t == JsonToken.VALUE_STRING && p.getTextLength() == 1) {
                code = p.getTextCharacters()[p.getTextOffset()] - '0';
            } else {
                return null;
            }
            MasterField field = MasterField.fromCode(code).orElse(null);
            if (field == null) {
                return null;
            }
            fields.add(field);
        }
        return fields;
    }

    /** A JSON number rounded half to even, or {@link #INVALID_CODE} when far outside any code range. */
    private static int roundedCode(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : INVALID_CODE;
        }
        BigDecimal value = p.getDecimalValue();
        if (value.abs().compareTo(CODE_LIMIT) > 0) {
            return INVALID_CODE;
        }
        return value.setScale(0, RoundingMode.HALF_EVEN).intValue();
    }

    private static DecodeResult bad(String detail) {
        return RequestDecoder.reject(RejectReason.BAD_REQUEST, detail);
    }
}
