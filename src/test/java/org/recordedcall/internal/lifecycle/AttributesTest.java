package org.recordedcall.internal.lifecycle;

import org.junit.jupiter.api.Test;
import org.recordedcall.CurrentCall;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limits of a call's attributes: what is kept, what is cut and marked, what is ignored; never an exception. */
class AttributesTest {

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
            attributes.put("a" + i, i);
        }
        attributes.put("a0", "again"); // a kept name may change its value
        attributes.put(null, "ignored");

        var kept = attributes.snapshot();
        assertEquals(CurrentCall.MAX_ATTRIBUTES + 1, kept.size());
        assertEquals("again", kept.get("a0"));
        assertEquals("3 more not kept (at most 20 a call)", kept.get(CurrentCall.CUT_ATTRIBUTE));
    }

    @Test
    void aNullValueRemovesTheAttribute() {
        var attributes = new Attributes();
        attributes.put("tenant", "acme");
        attributes.put("tenant", null);

        assertEquals(Map.of(), attributes.snapshot());
    }
}
