package se.stegvis.placement;

import java.time.LocalDate;

/** What a coordinator enters about a workplace, validated. */
record WorkplaceDetails(String name, String streetAddress, String postalCode, String area, String sector,
    String contactName, String contactPhone, String contactEmail, String supervisorName, String supervisorPhone,
    LocalDate introducedOn, int capacity, boolean active) {
}
