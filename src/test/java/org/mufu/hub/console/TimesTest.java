package org.mufu.hub.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimesTest {

	private final Times times = new Times();

	@Test
	void aCaptureTimeWithAnOffsetIsShownInTheMembersZone() {
		assertThat(this.times.taken("2025-04-19T09:12:30+08:00", "Asia/Shanghai")).isEqualTo("2025-04-19 09:12");
		assertThat(this.times.taken("2025-04-19T01:12:00Z", "Asia/Shanghai")).isEqualTo("2025-04-19 09:12");
	}

	@Test
	void aCaptureTimeWithoutAnOffsetIsTheCamerasOwnClock() {
		assertThat(this.times.taken("2025-06-14T16:03:27", "Asia/Shanghai")).isEqualTo("2025-06-14 16:03");
	}

	@Test
	void somethingElseIsShownAsTheFileSaysIt() {
		assertThat(this.times.taken("2025:06:14", "Asia/Shanghai")).isEqualTo("2025:06:14");
		assertThat(this.times.taken(null, "Asia/Shanghai")).isEmpty();
	}

	@Test
	void aZoneIsCalledByItsNameInTheReadersLanguage() {
		assertThat(this.times.zoneName("Asia/Shanghai", java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("中国时间");
		assertThat(this.times.zoneName("Asia/Shanghai", java.util.Locale.ENGLISH)).isEqualTo("China Time");
	}
}
