package org.radstream.streaming.registry;

/** The subject does not exist or has no versions (error code 40401, or 40402 for "latest"). */
public final class UnknownSubjectException extends RegistryException {
    private final String subject;

    public UnknownSubjectException(String url, String subject, String message) {
        super(url, message, null);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
