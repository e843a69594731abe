package org.recordedcall.internal.capture;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which names are secrets: those that contain one of the fragments once both are lower-cased
 * and stripped of everything but letters and digits, so that {@code api_key}, {@code apiKey}
 * and {@code X-Api-Key} all contain {@code apikey}.
 */
final class SecretNames {

    private final Set<String> fragments;

    SecretNames(Collection<String> names) {
        var normalized = new LinkedHashSet<String>();
        for (var name : names) {
            var fragment = normalize(name);
            if (!fragment.isEmpty()) {
                normalized.add(fragment);
            }
        }
        this.fragments = Set.copyOf(normalized);
    }

    /** These names and more. */
    SecretNames with(Collection<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        var all = new LinkedHashSet<>(fragments);
        all.addAll(more);
        return new SecretNames(all);
    }

    boolean isSecret(String name) {
        if (name == null) {
            return false;
        }
        var normalized = normalize(name);
        for (var fragment : fragments) {
            if (normalized.contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    static String normalize(String name) {
        var out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            var c = Character.toLowerCase(name.charAt(i));
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
