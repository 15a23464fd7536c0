package org.instanceha.simulator;

/** An error the simulated Nova answers with, as {@code {"<faultName>": {"code": N, "message": "..."}}}. */
public class NovaFault extends RuntimeException {

    private final int status;

    public NovaFault(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String faultName() {
        return switch (status) {
            case 400 -> "badRequest";
            case 403 -> "forbidden";
            case 404 -> "itemNotFound";
            case 405 -> "badMethod";
            case 406 -> "notAcceptable";
            case 409 -> "conflictingRequest";
            default -> "computeFault";
        };
    }

    static NovaFault badRequest(String message) {
        return new NovaFault(400, message);
    }

    static NovaFault notFound(String message) {
        return new NovaFault(404, message);
    }

    static NovaFault conflict(String message) {
        return new NovaFault(409, message);
    }
}
