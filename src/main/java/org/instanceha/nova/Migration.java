package org.instanceha.nova;

/** A Nova migration record; for evacuations {@code status} ends {@code done} (later {@code completed}) or {@code failed}/{@code error}. */
public record Migration(long id, String instanceUuid, String sourceCompute, String destCompute, String status,
                        String migrationType) {
}
