package se.stegvis.placement;

import org.springframework.http.HttpStatus;

/** A placement or registry request that may not be carried out as asked; the message is Swedish, for the user. */
class PlacementRefusedException extends RuntimeException {

  private final HttpStatus status;
  private final String title;

  private PlacementRefusedException(HttpStatus status, String title, String message) {
    super(message);
    this.status = status;
    this.title = title;
  }

  static PlacementRefusedException forbidden(String message) {
    return new PlacementRefusedException(HttpStatus.FORBIDDEN, "Ingen behörighet", message);
  }

  static PlacementRefusedException notFound(String message) {
    return new PlacementRefusedException(HttpStatus.NOT_FOUND, "Finns inte", message);
  }

  static PlacementRefusedException conflict(String message) {
    return new PlacementRefusedException(HttpStatus.CONFLICT, "Går inte just nu", message);
  }

  HttpStatus status() {
    return status;
  }

  String title() {
    return title;
  }
}
