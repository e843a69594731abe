package org.recordedcall.internal.masking;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Headers copied out of the container as it gave them (its names' case, its order), and put in
 * the record's form only when first read: names lower-cased, secret values masked, sorted by
 * name. The copy must be taken on the request's thread, where the container's objects are
 * valid; the form is made on whichever thread first needs it, for a call whose record is made
 * off the request's thread (see {@code Recorder}) usually not the request's. Unmodifiable;
 * safe to read from any thread.
 */
public final class TakenHeaders extends AbstractMap<String, List<String>> {

    // name, then its values: a String for one value (the common case), else a List<String>; let go once formed
    private Object[] taken;
    private final Function<Object[], Map<String, List<String>>> form;
    private Map<String, List<String>> formed;

    TakenHeaders(Object[] taken, Function<Object[], Map<String, List<String>>> form) {
        this.taken = taken;
        this.form = form;
    }

    /** The headers in the record's form, made the first time. */
    private synchronized Map<String, List<String>> formed() {
        if (formed == null) {
            formed = Collections.unmodifiableMap(form.apply(taken));
            taken = null;
        }
        return formed;
    }

    /**
     * The same headers, with {@code lowerCaseName} given {@code value} in the record's form when
     * they have no header of that name (some containers keep the content type out of the list).
     * Asked as they are taken, before they are read.
     */
    public synchronized TakenHeaders orElse(String lowerCaseName, String value) {
        if (taken == null) {
            throw new IllegalStateException("headers already read are not added to");
        }
        if (value == null) {
            return this;
        }
        return new TakenHeaders(taken, raw -> {
            var map = form.apply(raw);
            map.putIfAbsent(lowerCaseName, List.of(value));
            return map;
        });
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
        return formed().entrySet();
    }

    @Override
    public List<String> get(Object name) {
        return formed().get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return formed().containsKey(name);
    }

    @Override
    public int size() {
        return formed().size();
    }
}
