package org.recordedcall.internal.masking;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which names are secrets: those that contain one of the fragments once both are lower-cased
 * and stripped of everything but letters and digits, so that {@code api_key}, {@code apiKey}
 * and {@code X-Api-Key} all contain {@code apikey}.
 */
public final class SecretNames {

    // names seen are mostly the same few (headers, fields): remembered up to a bound, and only
    // short ones, since the names of a request are the client's to choose
    public static final int REMEMBERED = 4096;
    public static final int REMEMBERED_LENGTH = 64;

    private final String[] fragments;
    private final Map<String, Boolean> seen = new ConcurrentHashMap<>();

    public SecretNames(Collection<String> names) {
        var normalized = new LinkedHashSet<String>();
        for (var name : names) {
            var fragment = normalize(name);
            if (!fragment.isEmpty()) {
                normalized.add(fragment);
            }
        }
        this.fragments = normalized.toArray(String[]::new);
    }

    /** These names and more. */
    public SecretNames with(Collection<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        var all = new LinkedHashSet<>(Arrays.asList(fragments));
        all.addAll(more);
        return new SecretNames(all);
    }

    public boolean isSecret(String name) {
        if (name == null) {
            return false;
        }
        var known = seen.get(name);
        if (known != null) {
            return known;
        }
        var secret = judge(name);
        if (name.length() <= REMEMBERED_LENGTH && seen.size() < REMEMBERED) {
            seen.put(name, secret);
        }
        return secret;
    }

    /** How many names are remembered. */
    public int remembered() {
        return seen.size();
    }

    private boolean judge(String name) {
        var normalized = normalize(name);
        for (var fragment : fragments) {
            if (normalized.contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    public static String normalize(String name) {
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
