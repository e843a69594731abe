package org.recordedcall.internal.lifecycle.beans;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.recordedcall.CurrentCall;
import org.recordedcall.RecordedCall;

import java.util.concurrent.CompletableFuture;

/** A plain bean with recorded methods, as application code has them. */
@ApplicationScoped
public class Billing {

    @Inject
    Ledger ledger;

    @Inject
    CurrentCall current;

    @RecordedCall("charge")
    public String charge(String account, int amount) {
        return account + ":" + amount;
    }

    @RecordedCall
    public String chargeAndLog(String account) {
        current.attribute("account", account);
        ledger.write(account);
        ledger.write(account);
        return current.id().orElseThrow();
    }

    /** The call as the application sees it while it runs, its arguments holding a secret. */
    @RecordedCall
    public org.recordedcall.CallRecord login(String user, String password) {
        return current.snapshot().orElseThrow();
    }

    @RecordedCall
    public void refuse(String account) {
        throw new IllegalStateException("refused " + account);
    }

    @RecordedCall
    public CompletableFuture<String> later(CompletableFuture<String> outcome) {
        return outcome;
    }
}
