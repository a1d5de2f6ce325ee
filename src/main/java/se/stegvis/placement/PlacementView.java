package se.stegvis.placement;

import java.time.LocalDate;

/** A placement of a case as the case panel and the API show it; labels are Swedish. */
public record PlacementView(Long id, int sequence, String status, String statusLabel, String sectorWish,
    String areaWish, LocalDate requestedOn, Long workplaceId, String workplace, String employer, String area,
    String supervisor, LocalDate matchedOn, LocalDate visitedOn, Integer hoursPerWeek, LocalDate plannedStart,
    LocalDate plannedEnd, int followUpVisits, LocalDate endedOn, String outcome, String outcomeLabel,
    String employmentTypeLabel, String endReasonLabel, Integer durationDays) {
}
