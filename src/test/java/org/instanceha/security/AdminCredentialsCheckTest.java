package org.instanceha.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.instanceha.InstanceHaApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class AdminCredentialsCheckTest {

    @Test
    void aMissingPasswordIsRefusedInEveryProfile() {
        assertThat(AdminCredentialsCheck.problem(null, false)).contains("No administrator password");
        assertThat(AdminCredentialsCheck.problem("  ", true)).contains("No administrator password");
    }

    @Test
    void prodRefusesKnownDefaultsAndShortPasswords() {
        assertThat(AdminCredentialsCheck.problem("Secret", true)).contains("well-known default");
        assertThat(AdminCredentialsCheck.problem("admin", true)).contains("well-known default");
        assertThat(AdminCredentialsCheck.problem("k7#pQ2", true)).contains("shorter than 12");
        assertThat(AdminCredentialsCheck.problem("long-and-chosen-by-someone", true)).isNull();
    }

    @Test
    void outsideProdAnyPasswordIsAccepted() {
        assertThat(AdminCredentialsCheck.problem("secret", false)).isNull();
    }

    @Test
    void theApplicationDoesNotStartInProdWithADefaultPassword() {
        var app = new SpringApplicationBuilder(InstanceHaApplication.class)
                .profiles("prod")
                .properties("spring.main.web-application-type=none");

        assertThatThrownBy(() -> app.run("--instanceha.auth.admin-password=admin")).hasMessageContaining("well-known default")
                .hasMessageContaining("INSTANCEHA_AUTH_ADMIN_PASSWORD");
    }
}
