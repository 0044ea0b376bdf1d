package io.ganeticonfd.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Kustomization;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Loads manifests into fabric8's typed Kubernetes model, and finds fields the model does not know
 * (a misspelt {@code readOnlyRootFileSystem} would otherwise be silently ignored by the API server).
 */
final class Manifests {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Manifests() {}

    /** The object in {@code file}, typed by its apiVersion and kind. */
    static HasMetadata load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Object o = SERIALIZATION.unmarshal(in);
            if (!(o instanceof HasMetadata h) || o instanceof GenericKubernetesResource) {
                throw new AssertionError(file + " is not a known Kubernetes kind: "
                        + o.getClass().getName());
            }
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code file} as a {@code type}. */
    static <T> T load(Path file, Class<T> type) {
        try (InputStream in = Files.newInputStream(file)) {
            return SERIALIZATION.unmarshal(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON tree as a {@code type}. */
    static <T> T convert(JsonNode tree, Class<T> type) {
        return SERIALIZATION.convertValue(tree, type);
    }

    /** {@code file} as a plain tree. */
    static JsonNode tree(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kustomization of {@code dir}. */
    static Kustomization kustomization(Path dir) {
        return load(dir.resolve("kustomization.yaml"), Kustomization.class);
    }

    /** The resources a kustomization lists, resolved against its directory. */
    static List<Path> resources(Path dir) {
        return kustomization(dir).getResources().stream()
                .map(r -> dir.resolve(r).normalize())
                .toList();
    }

    /** Every field of {@code model} (recursively) that the model did not know, as "path: names". */
    static List<String> unknownFields(Object model) {
        List<String> found = new ArrayList<>();
        walk(model, "", found);
        return found;
    }

    private static void walk(Object o, String path, List<String> found) {
        if (o == null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                walk(e, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, found));
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : o.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(o);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add((path.isEmpty() ? "." : path) + ": " + extra.keySet());
                }
            } else {
                String field = Character.toLowerCase(getter.getName().charAt(3))
                        + getter.getName().substring(4);
                walk(value, path + "." + field, found);
            }
        }
    }
}
