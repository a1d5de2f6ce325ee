package se.stegvis.migration;

/** The caller is logged in but not an administrator. */
class AdministratorRequiredException extends RuntimeException {

  AdministratorRequiredException() {
    super("Bara administratörer (gruppen camunda-admin) får flytta pågående ärenden till en annan processversion.");
  }
}
