package se.stegvis.migration;

/**
 * What an administrator asks for: move the running cases of one version of a process to another
 * version. {@code processKey} defaults to the case process, {@code targetVersion} to the newest
 * version; {@code confirm} must be {@code true} to migrate (the dry run ignores it).
 */
public record MigrationRequest(String processKey, Integer sourceVersion, Integer targetVersion, Boolean confirm) {
}
