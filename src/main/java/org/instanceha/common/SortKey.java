package org.instanceha.common;

/** One {@code sort_key}/{@code sort_dir} pair of a list request; the key is already whitelisted. */
public record SortKey(String key, boolean ascending) {
}
