package se.stegvis.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.stegvis.identity.Groups;
import se.stegvis.support.AlsoOnPostgres;
import se.stegvis.support.AtOnce;
import se.stegvis.support.CaseProcessTest;

/**
 * Case numbers are taken in a short transaction of their own: referrals to one project never get
 * the same number, the first referrals of a year may arrive at the same moment, and a referral
 * still being registered does not hold up the next one.
 */
@AlsoOnPostgres
class CaseNumbersTest extends CaseProcessTest {

  @Autowired
  CaseNumbers caseNumbers;

  @Test
  void firstReferralsOfAYearArrivingAtOnceGetOneNumberEach() throws Exception {
    Project project = projects.save(new Project("SAMTIDIGT", "Samtidiga remisser", 10, Groups.MANAGERS));

    var numbers = AtOnce.times(8, () -> caseNumbers.next(project, 2031));

    assertThat(numbers).containsExactlyInAnyOrderElementsOf(
        IntStream.rangeClosed(1, 8).mapToObj(n -> "SAMTIDIGT-2031-%04d".formatted(n)).toList());
  }

  @Test
  void referralBeingRegisteredDoesNotHoldUpTheNextAndItsNumberIsNotGivenAgain() throws Exception {
    Project project = projects.save(new Project("PAGAENDE", "Pågående registrering", 10, Groups.MANAGERS));
    var secondNumber = new CompletableFuture<String>();

    transactions.executeWithoutResult(status -> {
      assertThat(caseNumbers.next(project, 2031)).isEqualTo("PAGAENDE-2031-0001");
      // Another referral to the project while this one is still open: numbered at once, not after our commit.
      CompletableFuture.runAsync(() -> secondNumber.complete(caseNumbers.next(project, 2031)));
      assertThat(secondNumber).succeedsWithin(5, TimeUnit.SECONDS).isEqualTo("PAGAENDE-2031-0002");
      status.setRollbackOnly();
    });

    // The first registration failed: its number stays taken (a gap), never given to someone else.
    assertThat(caseNumbers.next(project, 2031)).isEqualTo("PAGAENDE-2031-0003");
    assertThat(caseNumbers.next(project, 2032)).isEqualTo("PAGAENDE-2032-0001");
  }
}
