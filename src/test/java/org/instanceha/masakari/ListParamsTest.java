package org.instanceha.masakari;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.instanceha.common.InvalidInputException;
import org.instanceha.common.SortKey;
import org.junit.jupiter.api.Test;

class ListParamsTest {

    private static final Set<String> KEYS = Set.of("id", "created_at", "name", "type");

    @Test
    void defaultOrderIsNewestFirstThenId() {
        assertThat(ListParams.sort(List.of(), List.of(), KEYS))
                .containsExactly(new SortKey("created_at", false), new SortKey("id", false));
    }

    @Test
    void missingDirectionsTakeTheFirstOneAndDefaultKeysAreAppended() {
        assertThat(ListParams.sort(List.of("name", "type"), List.of("asc"), KEYS)).containsExactly(
                new SortKey("name", true), new SortKey("type", true), new SortKey("created_at", true),
                new SortKey("id", true));
    }

    @Test
    void keysAfterIdAreDroppedBecauseIdIsUnique() {
        assertThat(ListParams.sort(List.of("id", "name"), List.of("asc", "desc"), KEYS))
                .containsExactly(new SortKey("id", true));
    }

    @Test
    void unknownKeysAndDirectionsAreRejected() {
        assertThatThrownBy(() -> ListParams.sort(List.of("password"), List.of(), KEYS))
                .isInstanceOf(InvalidInputException.class).hasMessage("Sort key supplied was not valid.");
        assertThatThrownBy(() -> ListParams.sort(List.of("name"), List.of("up"), KEYS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be 'desc' or 'asc'");
        assertThatThrownBy(() -> ListParams.sort(List.of("name"), List.of("asc", "asc"), KEYS))
                .isInstanceOf(InvalidInputException.class).hasMessage("Sort direction size exceeds sort key size");
    }

    @Test
    void limitIsCappedAndZeroMeansTheMaximum() {
        assertThat(ListParams.limit(null)).isEqualTo(1000);
        assertThat(ListParams.limit("0")).isEqualTo(1000);
        assertThat(ListParams.limit("25")).isEqualTo(25);
        assertThat(ListParams.limit("100000")).isEqualTo(1000);
        assertThatThrownBy(() -> ListParams.limit("-3")).hasMessage("limit param must be positive");
        assertThatThrownBy(() -> ListParams.limit("3.5")).hasMessage("limit param must be an integer");
    }

    @Test
    void markerIsTheIntegerIdOfTheLastRow() {
        assertThat(ListParams.marker(null)).isNull();
        assertThat(ListParams.marker("42")).isEqualTo(42L);
        assertThatThrownBy(() -> ListParams.marker("c8efeea2")).hasMessage("Marker c8efeea2 could not be found.");
    }
}
