package se.stegvis.placement;

import java.time.LocalDate;

/** A workplace as the registry page and the API show it, with its places taken and free. */
public record WorkplaceView(Long id, long version, String organisationNumber, String employerName,
    String employerKind, String employerKindLabel, String name, String streetAddress, String postalCode, String area,
    String sector, String sectorLabel, String contactName, String contactPhone, String contactEmail,
    String supervisorName, String supervisorPhone, LocalDate introducedOn, int capacity, int taken, int free,
    boolean active) {
}
