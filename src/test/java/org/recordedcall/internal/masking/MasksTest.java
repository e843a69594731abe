package org.recordedcall.internal.masking;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Masking secret values in JSON and form text, whole, nested, cut short or malformed. */
class MasksTest {

    private final SecretNames secrets = new SecretNames(List.of("password", "secret", "token", "api_key", "credit card"));

    @Test
    void namesMatchWhateverTheirCaseAndSeparators() {
        assertTrue(secrets.isSecret("Password"));
        assertTrue(secrets.isSecret("new_password"));
        assertTrue(secrets.isSecret("x-api-key"));
        assertTrue(secrets.isSecret("apiKey"));
        assertTrue(secrets.isSecret("access_token"));
        assertTrue(secrets.isSecret("creditCardNumber"));
        assertFalse(secrets.isSecret("item"));
        assertFalse(secrets.isSecret(null));
    }

    @Test
    void secretMembersAreMaskedAtAnyDepthWhateverTheirValue() {
        var json = "{\"user\":\"ann\",\"password\":\"hunter2\",\"card\":{\"creditCard\":4111111111111111,"
                + "\"tokens\":[\"a\",\"b\"],\"inner\":{\"Secret\":{\"x\":1}}},\"list\":[{\"api_key\":null}],\"ok\":true}";

        assertEquals("{\"user\":\"ann\",\"password\":\"***\",\"card\":{\"creditCard\":\"***\",\"tokens\":\"***\","
                + "\"inner\":{\"Secret\":\"***\"}},\"list\":[{\"api_key\":\"***\"}],\"ok\":true}", Masks.json(json, secrets));
    }

    @Test
    void spacingEscapesAndStringsThatLookLikeKeysAreHandled() {
        assertEquals("{ \"pass\\u0077ord\" : \"***\" , \"note\" : \"say \\\"password\\\": no\" }",
                Masks.json("{ \"pass\\u0077ord\" : \"x\\\"y\" , \"note\" : \"say \\\"password\\\": no\" }", secrets));
    }

    @Test
    void aBodyCutShortOrMalformedStillHasItsSecretsMaskedAndNeverThrows() {
        assertEquals("{\"a\":1,\"password\":\"***\"", Masks.json("{\"a\":1,\"password\":\"hunt", secrets));
        assertEquals("{\"token\":\"***\"", Masks.json("{\"token\":{\"deep\":[1,2", secrets));
        assertEquals("{\"token\":\"***\"", Masks.json("{\"token\":", secrets));
        assertEquals("not json \"at all", Masks.json("not json \"at all", secrets));
        assertEquals("plain text", Masks.json("plain text", secrets));
    }

    @Test
    void textWithoutSecretsIsReturnedAsItIs() {
        var json = "{\"item\":\"pen\",\"n\":[1,{\"a\":\"b\"}]}";
        var form = "item=pen&n=1";

        assertSame(json, Masks.json(json, secrets), "no copy made");
        assertSame(form, Masks.form(form, secrets), "no copy made");
    }

    @Test
    void formAndQueryValuesOfSecretNamesAreMasked() {
        assertEquals("user=ann&password=***&api%5Fkey=***&flag&x=1",
                Masks.form("user=ann&password=hunter2&api%5Fkey=k&flag&x=1", secrets));
        assertEquals("bad%zz=1&token=***", Masks.form("bad%zz=1&token=t", secrets));
        assertEquals("", Masks.form("", secrets));
    }

    @Test
    void namesAreRememberedOnlyShortAndUpToABoundWhateverClientsSend() {
        var names = new SecretNames(List.of("password"));
        var longName = "x".repeat(SecretNames.REMEMBERED_LENGTH + 1);
        for (int i = 0; i < 100; i++) {
            assertEquals(false, names.isSecret(longName + i));
        }
        assertEquals(0, names.remembered(), "long names are judged, not kept");
        for (int i = 0; i < SecretNames.REMEMBERED + 500; i++) {
            names.isSecret("field" + i);
        }
        assertEquals(SecretNames.REMEMBERED, names.remembered());
        assertEquals(true, names.isSecret("userPassword"), "judged right past the bound");
        assertEquals(true, names.isSecret("x".repeat(100) + "password"));
    }
}
