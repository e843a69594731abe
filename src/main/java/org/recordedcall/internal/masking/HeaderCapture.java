package org.recordedcall.internal.masking;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.recordedcall.internal.config.Settings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Copies headers into the record's form, lower-case name to values, with the values of secret
 * headers masked: those the setting names, those named like a secret (see
 * {@link org.recordedcall.RecordedCallSettings#MASKED_NAMES}), and those named like a key. The
 * container's values are copied at once; the form is made when the headers are first read
 * ({@link TakenHeaders}), off the request's thread for most calls.
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

    /**
     * Headers read through an enumeration of names, as a servlet request offers them: copied now,
     * put in the record's form when first read ({@link TakenHeaders}).
     */
    public TakenHeaders copy(Enumeration<String> names, Function<String, Enumeration<String>> values) {
        var taken = new ArrayList<>(32);
        while (names != null && names.hasMoreElements()) {
            var name = names.nextElement();
            if (name == null) {
                continue;
            }
            taken.add(name);
            var list = values.apply(name);
            taken.add(list == null ? List.of() : values(list.asIterator()));
        }
        return new TakenHeaders(taken.toArray(), this::form);
    }

    /** A header's values as taken: the one value (the common case), else a list; {@code null}s left out. */
    private static Object values(Iterator<String> list) {
        String first = null;
        List<String> more = null;
        while (list.hasNext()) {
            var value = list.next();
            if (value == null) {
                continue;
            }
            if (first == null) {
                first = value;
            } else {
                if (more == null) {
                    more = new ArrayList<>(2);
                    more.add(first);
                }
                more.add(value);
            }
        }
        return more != null ? more : first != null ? first : List.of();
    }

    /**
     * Headers read through a collection of names, as a servlet response offers them: copied now,
     * put in the record's form when first read ({@link TakenHeaders}).
     */
    public TakenHeaders copy(Collection<String> names, Function<String, Collection<String>> values) {
        var taken = new ArrayList<>(names.size() * 2);
        for (var name : names) {
            if (name == null) {
                continue;
            }
            var list = values.apply(name);
            taken.add(name);
            taken.add(list == null ? List.of() : values(list.iterator()));
        }
        return new TakenHeaders(taken.toArray(), this::form);
    }

    /** Headers as taken, in the record's form: lower-case name to values, secrets masked, sorted. */
    private Map<String, List<String>> form(Object[] taken) {
        var copy = new TreeMap<String, List<String>>();
        for (int i = 0; i < taken.length; i += 2) {
            @SuppressWarnings("unchecked")
            var values = taken[i + 1] instanceof String one ? List.of(one) : (List<String>) taken[i + 1];
            put(copy, (String) taken[i], values);
        }
        return copy;
    }

    private void put(Map<String, List<String>> copy, String name, List<String> values) {
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
