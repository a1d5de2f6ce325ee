package se.stegvis.migration;

import org.springframework.http.HttpStatus;

/** A migration request that cannot be carried out as asked: a missing field, an unknown version. */
class MigrationRequestException extends RuntimeException {

  private final HttpStatus status;
  private final String title;

  MigrationRequestException(HttpStatus status, String title, String message) {
    super(message);
    this.status = status;
    this.title = title;
  }

  static MigrationRequestException invalid(String message) {
    return new MigrationRequestException(HttpStatus.BAD_REQUEST, "Migreringen kan inte utföras så", message);
  }

  HttpStatus status() {
    return status;
  }

  String title() {
    return title;
  }
}
