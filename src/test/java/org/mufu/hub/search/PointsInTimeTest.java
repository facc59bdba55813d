package org.mufu.hub.search;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PointsInTimeTest {

	@Test
	void aCallerOverItsShareGivesUpItsOldest() {
		PointsInTime points = new PointsInTime(2, Duration.ofMinutes(5));

		assertThat(points.opened("tongcheng:EDITOR", "a")).isEmpty();
		assertThat(points.opened("tongcheng:EDITOR", "b")).isEmpty();
		assertThat(points.opened("pingjiang:EDITOR", "c")).isEmpty();
		assertThat(points.opened("tongcheng:EDITOR", "d")).contains("a");

		assertThat(points.held("tongcheng:EDITOR")).isEqualTo(2);
		assertThat(points.held("pingjiang:EDITOR")).isEqualTo(1);
	}

	@Test
	void expiredOnesNoLongerCount() {
		PointsInTime points = new PointsInTime(1, Duration.ZERO.minusMillis(1));

		assertThat(points.opened("tongcheng:EDITOR", "a")).isEmpty();
		assertThat(points.opened("tongcheng:EDITOR", "b")).isEmpty();
	}
}
