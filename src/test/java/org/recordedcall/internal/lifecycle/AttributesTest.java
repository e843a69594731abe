package org.recordedcall.internal.lifecycle;

import org.junit.jupiter.api.Test;
import org.recordedcall.CurrentCall;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limits of a call's attributes: what is kept, what is cut and marked, what is ignored; never an exception. */
class AttributesTest {

    /** As {@code CallDraft.attribute} does it. */
    private static void put(Attributes attributes, String name, Object value) {
        attributes.put(Attributes.name(name), value == null ? null : Attributes.value(value));
    }

    @Test
    void aValueWhoseToStringFailsIsAPlaceholder() {
        var lazy = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("could not initialize proxy - no Session");
            }
        };

        assertEquals("<toString failed: java.lang.IllegalStateException>", Attributes.value(lazy));
    }

    @Test
    void namesKeepTheirAllowedCharactersAndAreCut() {
        assertEquals("tenant", Attributes.name(" tenant "));
        assertEquals("order_id", Attributes.name("order id"));
        assertEquals("a_b", Attributes.name("a:b"));
        assertEquals("t_nant", Attributes.name("ténant"));
        assertEquals(CurrentCall.MAX_ATTRIBUTE_NAME, Attributes.name("n".repeat(500)).length());
        assertEquals(null, Attributes.name("  "));
        assertEquals(null, Attributes.name(null));
    }

    @Test
    void valuesAreTextWithoutControlCharactersCutWithAMarker() {
        assertEquals("42", Attributes.value(42));
        assertEquals("a b", Attributes.value("a\nb"));
        var exact = "v".repeat(CurrentCall.MAX_ATTRIBUTE_VALUE);
        assertEquals(exact, Attributes.value(exact), "a value of the longest length is kept whole");
        var cut = Attributes.value("v".repeat(CurrentCall.MAX_ATTRIBUTE_VALUE + 1));
        assertEquals(CurrentCall.MAX_ATTRIBUTE_VALUE, cut.length());
        assertTrue(cut.endsWith("…"), cut);
        var emoji = Attributes.value("v".repeat(CurrentCall.MAX_ATTRIBUTE_VALUE - 2) + "😀😀");
        assertFalse(Character.isHighSurrogate(emoji.charAt(emoji.length() - 2)), "never half a character: " + emoji);
    }

    @Test
    void aCallKeepsTheFirstAttributesAndCountsTheRest() {
        var attributes = new Attributes();
        for (int i = 0; i < CurrentCall.MAX_ATTRIBUTES + 3; i++) {
            put(attributes, "a" + i, i);
        }
        put(attributes, "a0", "again"); // a kept name may change its value
        put(attributes, null, "ignored");

        var kept = attributes.snapshot();
        assertEquals(CurrentCall.MAX_ATTRIBUTES + 1, kept.size());
        assertEquals("again", kept.get("a0"));
        assertEquals("3 more not kept (at most 20 a call)", kept.get(CurrentCall.CUT_ATTRIBUTE));
    }

    @Test
    void aNullValueRemovesTheAttribute() {
        var attributes = new Attributes();
        put(attributes, "tenant", "acme");
        put(attributes, "tenant", null);

        assertEquals(Map.of(), attributes.snapshot());
    }
}
