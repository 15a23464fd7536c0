package org.instanceha.fencing;

/**
 * A BMC call that did not do what it was asked: the BMC did not answer in time, refused the credentials,
 * answered something else, or could not be called with its settings. The message says which, with the BMC's
 * address and never its password.
 */
public class FencingException extends RuntimeException {

    /** Why a BMC call failed, as the operator task and the dashboard's "Test" name it. */
    public enum Failure {
        NO_ANSWER("no answer"), WRONG_CREDENTIALS("wrong credentials"), REFUSED("refused"),
        /** Its settings cannot be used: an address, a path or a certificate file that is no such thing. */
        UNUSABLE("cannot be used");

        private final String shown;

        Failure(String shown) {
            this.shown = shown;
        }

        public String shown() {
            return shown;
        }
    }

    private final Failure failure;

    public FencingException(Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
