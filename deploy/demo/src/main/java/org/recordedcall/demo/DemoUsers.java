package org.recordedcall.demo;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Set;

/**
 * The demo's one user, signed in by HTTP Basic through Jakarta Security: {@code demo} /
 * {@code demo}, in the role the recorded-call dashboard asks for. A real application signs
 * its operators in however it already does; the library only asks {@code isUserInRole}.
 */
@ApplicationScoped
@DeclareRoles("recorded-call-viewer")
@BasicAuthenticationMechanismDefinition(realmName = "recorded-calls")
public class DemoUsers implements IdentityStore {

    @Override
    public CredentialValidationResult validate(jakarta.security.enterprise.credential.Credential credential) {
        if (credential instanceof UsernamePasswordCredential login
                && login.getCaller().equals("demo") && login.getPasswordAsString().equals("demo")) {
            return new CredentialValidationResult("demo", Set.of("recorded-call-viewer"));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
