package org.radstream.modeling;

/**
 * Bad input or a model that cannot be fitted (separation, aliasing, one class only, too few cases).
 * The message names the data set, the field and the reason so the user can act on it.
 */
public class ModelingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ModelingException(String message) {
        super(message);
    }

    public ModelingException(String message, Throwable cause) {
        super(message, cause);
    }
}
