package se.stegvis.identity;

public class InvalidIdentityNumberException extends RuntimeException {
  public InvalidIdentityNumberException(String message) {
    super(message);
  }
}
