package org.recordedcall.internal.masking;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.recordedcall.internal.config.Settings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Copies headers into the record's form, lower-case name to values, with the values of secret
 * headers masked: those the setting names, those named like a secret (see
 * {@link org.recordedcall.RecordedCallSettings#MASKED_NAMES}), and those named like a key.
 */
@Singleton
public final class HeaderCapture {

    public static final String MASK = Masks.MASK;

    private final Set<String> masked;
    private final Masking masking;

    @Inject
    public HeaderCapture(Settings settings, Masking masking) {
        this.masked = settings.maskedHeaders();
        this.masking = masking;
    }

    private boolean isSecret(String lowerCaseName) {
        return masked.contains(lowerCaseName) || masking.isSecret(lowerCaseName) || lowerCaseName.endsWith("key");
    }

    /** Headers read through an enumeration of names, as a servlet request offers them. */
    public Map<String, List<String>> copy(Enumeration<String> names, Function<String, Enumeration<String>> values) {
        var copy = new TreeMap<String, List<String>>();
        while (names != null && names.hasMoreElements()) {
            var name = names.nextElement();
            var list = values.apply(name);
            var kept = new ArrayList<String>(1);
            while (list != null && list.hasMoreElements()) {
                kept.add(list.nextElement());
            }
            put(copy, name, kept);
        }
        return copy;
    }

    /** Headers read through a collection of names, as a servlet response offers them. */
    public Map<String, List<String>> copy(Collection<String> names, Function<String, Collection<String>> values) {
        var copy = new TreeMap<String, List<String>>();
        for (var name : names) {
            var list = values.apply(name);
            put(copy, name, list == null ? List.of() : list);
        }
        return copy;
    }

    private void put(Map<String, List<String>> copy, String name, Collection<String> values) {
        // lower case: HTTP names are case-insensitive, and servers differ in the case they report
        var key = name.toLowerCase(Locale.ROOT);
        var kept = isSecret(key) ? Collections.nCopies(values.size(), MASK) : List.copyOf(values);
        var before = copy.putIfAbsent(key, kept);
        if (before != null) {
            var both = new ArrayList<>(before);
            both.addAll(kept);
            copy.put(key, List.copyOf(both));
        }
    }
}
