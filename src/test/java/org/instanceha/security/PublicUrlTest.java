package org.instanceha.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** With instanceha.public-url set, no request header decides where links and redirects point. */
class PublicUrlTest {

    private static HttpServletRequest through(PublicUrl filter, MockHttpServletRequest request) throws Exception {
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));
        return seen.get();
    }

    private static MockHttpServletRequest hostile(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServerName("evil.example");
        request.setServerPort(8080);
        request.addHeader("Host", "evil.example:8080");
        request.addHeader("X-Forwarded-Host", "evil.example");
        return request;
    }

    @Test
    void linksAndRedirectsUseThePublicUrlWhateverTheHostHeaderSays() throws Exception {
        PublicUrl filter = new PublicUrl(URI.create("https://ha.example.com"));

        HttpServletRequest request = through(filter, hostile("/v1/"));
        assertThat(ServletUriComponentsBuilder.fromContextPath(request).path("/v1/").toUriString())
                .isEqualTo("https://ha.example.com/v1/");
        assertThat(request.getHeader("Host")).isEqualTo("ha.example.com");
        assertThat(request.getHeader("X-Forwarded-Host")).isNull();

        MockHttpServletResponse response = new MockHttpServletResponse();
        new LoginUrlAuthenticationEntryPoint("/dashboard/login").commence(through(filter, hostile("/dashboard/")),
                response, new InsufficientAuthenticationException("log in"));
        assertThat(response.getRedirectedUrl()).isEqualTo("https://ha.example.com/dashboard/login");
    }

    @Test
    void aPortOtherThanTheDefaultIsKept() throws Exception {
        HttpServletRequest request = through(new PublicUrl(URI.create("http://10.0.0.5:8080/")), hostile("/"));

        assertThat(request.getRequestURL().toString()).isEqualTo("http://10.0.0.5:8080/");
        assertThat(request.isSecure()).isFalse();
    }

    @Test
    void onlyAnHttpOriginIsAccepted() {
        assertThat(new PublicUrlProperties(null).publicUrl()).isNull();
        assertThat(new PublicUrlProperties(URI.create("https://ha.example.com/")).publicUrl()).isNotNull();
        for (String wrong : new String[] {"ha.example.com", "ftp://ha.example.com", "https://ha.example.com/ha",
                "https://ha.example.com/?x=1"}) {
            assertThatThrownBy(() -> new PublicUrlProperties(URI.create(wrong))).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("instanceha.public-url");
        }
    }
}
