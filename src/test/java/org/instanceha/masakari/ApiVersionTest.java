package org.instanceha.masakari;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiVersionTest {

    @Test
    void noHeaderOrNoEntryForUsMeansTheMinimum() {
        assertThat(ApiVersion.fromHeader(null)).isEqualTo(ApiVersion.MIN);
        assertThat(ApiVersion.fromHeader(" ")).isEqualTo(ApiVersion.MIN);
        assertThat(ApiVersion.fromHeader("compute 2.53")).isEqualTo(ApiVersion.MIN);
    }

    @Test
    void readsOurEntryAmongOthersUnderEitherServiceName() {
        assertThat(ApiVersion.fromHeader("instance-ha 1.2")).isEqualTo(new ApiVersion(1, 2));
        assertThat(ApiVersion.fromHeader("compute 2.53, Masakari 1.1")).isEqualTo(new ApiVersion(1, 1));
        assertThat(ApiVersion.fromHeader("instance-ha latest")).isEqualTo(ApiVersion.MAX);
    }

    @Test
    void malformedVersionsAreRejected() {
        for (String bad : new String[] {"instance-ha 1", "instance-ha 1.x", "instance-ha 1.01", "instance-ha .1",
                "instance-ha 99999999999.1"}) {
            assertThatThrownBy(() -> ApiVersion.fromHeader(bad)).as(bad).isInstanceOf(ApiVersion.Malformed.class)
                    .hasMessageContaining("Must be of format MajorNum.MinorNum.");
        }
    }

    @Test
    void versionsOutsideTheRangeAreUnsupported() {
        assertThatThrownBy(() -> ApiVersion.fromHeader("instance-ha 1.4")).isInstanceOf(ApiVersion.Unsupported.class)
                .hasMessage("Version 1.4 is not supported by the API. Minimum is 1.0 and maximum is 1.3.");
        assertThatThrownBy(() -> ApiVersion.fromHeader("instance-ha 0.9")).isInstanceOf(ApiVersion.Unsupported.class);
        assertThatThrownBy(() -> ApiVersion.fromHeader("instance-ha 2.0")).isInstanceOf(ApiVersion.Unsupported.class);
    }

    @Test
    void comparesByMajorThenMinor() {
        assertThat(new ApiVersion(1, 10).atLeast(new ApiVersion(1, 2))).isTrue();
        assertThat(new ApiVersion(1, 1).atLeast(ApiVersion.V1_2)).isFalse();
        assertThat(ApiVersion.V1_3.atLeast(ApiVersion.V1_3)).isTrue();
    }
}
