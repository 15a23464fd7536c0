package org.instanceha.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.instanceha.common.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The field rules a dashboard form and the v1 API share, with Masakari's messages. */
class SegmentFieldsTest {

    @Test
    void aFormBecomesTheSameCommandsTheApiSends() {
        assertThat(SegmentFields.segment("web", "  ", "rh_priority", "COMPUTE", false))
                .isEqualTo(new SegmentDraft("web", null, RecoveryMethod.RH_PRIORITY, "COMPUTE", false));
        assertThat(SegmentFields.segmentChanges("web", "", "auto", "COMPUTE", true))
                .as("a blank description clears it").isEqualTo(new SegmentChanges("web", true, null,
                        RecoveryMethod.AUTO, "COMPUTE", true));
        assertThat(SegmentFields.host("compute1", "COMPUTE", "SSH", true, "-5"))
                .isEqualTo(new HostDraft("compute1", "COMPUTE", "SSH", true, false, -5));
        assertThat(SegmentFields.hostChanges("compute1", "COMPUTE", "SSH", false, "7"))
                .as("the maintenance flag is not a form field").isEqualTo(new HostChanges("compute1", "COMPUTE", "SSH",
                        false, null, 7));
    }

    @Test
    void badValuesAreRefusedWithMasakarisMessages() {
        assertThatThrownBy(() -> SegmentFields.name(" web")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Can not start or end with whitespace");
        assertThatThrownBy(() -> SegmentFields.name("x".repeat(256)))
                .hasMessageStartingWith("Invalid input for field/attribute name.").hasMessageEndingWith("is too long");
        assertThatThrownBy(() -> SegmentFields.name("")).hasMessageEndingWith("'' is too short");
        assertThatThrownBy(() -> SegmentFields.recoveryMethod("fast")).hasMessage("Invalid input for field/attribute "
                + "recovery_method. Value: fast. 'fast' is not one of ['auto', 'reserved_host', 'auto_priority', "
                + "'rh_priority']");
        assertThatThrownBy(() -> SegmentFields.hostType("COMPUTE NODE")).hasMessageContaining("does not match");
        assertThatThrownBy(() -> SegmentFields.priority("high")).hasMessageContaining("is not of type 'integer'");
        assertThatThrownBy(() -> SegmentFields.priority(1001)).hasMessageEndingWith("1001 is not between -1000 and 1000");
        String emoji = "\uD83D\uDE00";
        assertThat(SegmentFields.name(emoji.repeat(127))).as("a maximum counts what the column stores").hasSize(254);
        assertThatThrownBy(() -> SegmentFields.name(emoji.repeat(128))).hasMessageEndingWith("is too long");
    }

    @Test
    void aRejectedValueIsEchoedShortened() {
        String huge = "x".repeat(10_000_000);

        assertThatThrownBy(() -> SegmentFields.name(huge)).satisfies(e -> {
            assertThat(e.getMessage()).hasSizeLessThan(300).contains("x".repeat(64) + "... (10000000 characters)");
        });
        assertThatThrownBy(() -> SegmentFields.recoveryMethod(huge)).satisfies(e ->
                assertThat(e.getMessage()).hasSizeLessThan(400));
    }
}
